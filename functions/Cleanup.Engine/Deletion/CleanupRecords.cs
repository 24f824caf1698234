using System.Text.Json.Serialization;
using Cleanup.Engine.Jobs;

namespace Cleanup.Engine.Deletion;

/// <param name="Actor">Who the audit names: "schedule", "user:&lt;name&gt;" or "webhook:&lt;service&gt;".</param>
public sealed record CleanupInput(string Actor = "schedule");

public sealed record CheckAnomaliesInput(string RunId, DateTimeOffset Now);

public sealed record PlanDeletionsInput(string RunId, DateTimeOffset Now, string Actor, AnomalyReport Anomalies);

/// <summary>What this run will act on (already within the budget), in order. Skipped items are audited by the planner.</summary>
/// <param name="Due">Due items that have an action (DoNothing excluded).</param>
/// <param name="StopAfterConsecutiveFailures">From <see cref="DeletionOptions"/>, fixed for the run.</param>
public sealed record DeletionPlan(
    DeletionMode Mode,
    IReadOnlyList<DeletionCandidate> Items,
    int Due,
    int Skipped,
    IReadOnlyList<string> Notes,
    int StopAfterConsecutiveFailures = 3);

public sealed record RecheckItemInput(string RunId, DeletionCandidate Candidate);

public sealed record ActOnItemInput(string RunId, DeletionMode Mode, DeletionCandidate Candidate);

public sealed record ActionOutcome(
    [property: JsonConverter(typeof(JsonStringEnumConverter<AuditOutcome>))] AuditOutcome Outcome,
    string? Reason = null);

public sealed record RecordDeletionInput(string RunId, string Actor, DeletionMode Mode, DeletionCandidate Candidate, ActionOutcome Outcome, DateTimeOffset At);

/// <summary>The audit line's id (small: the line itself stays in the audit).</summary>
public sealed record RecordedDeletion(string AuditId);

public sealed record FinishDeletionsInput(string RunId, IReadOnlyList<DeletionCandidate> Deleted);

public sealed record FinishSummary(int RequestsReset, int LibrariesRefreshed, IReadOnlyList<string> Errors);

/// <summary>One acted-on item, for the "after deletion" notification.</summary>
public sealed record DeletedItem(
    string ItemId,
    string Title,
    [property: JsonConverter(typeof(JsonStringEnumConverter<DeletionMediaType>))] DeletionMediaType MediaType,
    long SizeBytes,
    [property: JsonConverter(typeof(JsonStringEnumConverter<AuditOutcome>))] AuditOutcome Outcome,
    string? Reason);

public sealed record NotifyDeletedInput(string RunId, DeletionMode Mode, IReadOnlyList<DeletedItem> Items);

/// <summary>What a cleanup run did.</summary>
public sealed record CleanupResult(
    DeletionMode Mode,
    int Due,
    int Deleted,
    int WouldDelete,
    int Skipped,
    int Failed,
    long ReclaimedBytes,
    long WouldReclaimBytes,
    IReadOnlyList<string> Anomalies,
    IReadOnlyList<string> Errors) : IJobReport
{
    IReadOnlyList<JobSource> IJobReport.Sources => [];
}
