using Cleanup.Engine.Ports;

namespace Cleanup.Engine.Workflows;

/// <summary>Input of "UnifyAndEvaluate": the sources read this run (data behind their snapshot refs) and the run's time.</summary>
public sealed record EvaluateInput(string RunId, DateTimeOffset Now, IReadOnlyList<SourceSyncSummary> Sources);

/// <summary>Input of "ApplyWatchChanges": watch-state deltas (and re-read Radarr/Sonarr lists, if hinted) plus the hints.</summary>
public sealed record ApplyWatchChangesInput(string RunId, DateTimeOffset Now, IReadOnlyList<SourceSyncSummary> Sources, IReadOnlyList<ItemHint> Hints);

/// <summary>What the rules made of the library this run.</summary>
/// <param name="Changes">Where the changed state waits to be persisted (written by the evaluation, read by "PersistChanges").</param>
/// <param name="Warnings">Things worth showing on the job (e.g. "watch data of jellyfin unknown: its read failed").</param>
public sealed record EvaluationSummary(
    int Items,
    int LeavingSoon,
    int EnteredLeavingSoon,
    int LeftLeavingSoon,
    int Due,
    SnapshotRef? Changes,
    IReadOnlyList<string> Warnings)
{
    public static EvaluationSummary Empty { get; } = new(0, 0, 0, 0, 0, null, []);
}

public sealed record PersistInput(string RunId, EvaluationSummary Evaluation);

public sealed record PersistSummary(int Written);

/// <param name="RemovedItemIds">Items to leave out even if the rules' state still lists them (just deleted).</param>
public sealed record UpdateCollectionsInput(string RunId, IReadOnlyList<string> RemovedItemIds);

public sealed record CollectionsSummary(int Servers, int Items, IReadOnlyList<string> Errors);

public sealed record NotifyLeavingSoonInput(string RunId, DateTimeOffset Now);

public sealed record NotifySummary(int Sent, IReadOnlyList<string> Errors)
{
    public static NotifySummary None { get; } = new(0, []);
}
