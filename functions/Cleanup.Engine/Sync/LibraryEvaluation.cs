using Cleanup.Engine.Evaluation;
using Cleanup.Engine.Library;
using Cleanup.Engine.Ports;
using Cleanup.Engine.Rules;
using Cleanup.Engine.Sources;
using Cleanup.Engine.Workflows;
using ReadSnapshot = Cleanup.Engine.Workflows.SourceSnapshot;
using RulesSnapshot = Cleanup.Engine.Library.SourceSnapshot;

namespace Cleanup.Engine.Sync;

/// <summary>
/// The bridge from the sync workflows to the rules engine. Evaluate: gather the sources' snapshots into the rules'
/// input (failed sources as failures, never as empty), unify, evaluate with the stored flags and keeps, and stage what
/// differs from the stored library. Persist: write the staged changes. Only ports, no I/O of its own.
/// </summary>
public sealed class LibraryEvaluation(
    ISnapshotStore snapshots,
    IRuleStore rules,
    IMediaStore media,
    IKeepStore keeps,
    ILibrarySnapshotStore library,
    IServiceCatalog? catalog = null) : ILibraryEvaluation
{
    /// <summary>Where the staged changes and the merged source data live (beside the per-source snapshots).</summary>
    public const string Container = "snapshots";

    /// <summary>The merged source data of the last sync: what an incremental sync starts from.</summary>
    public static readonly SnapshotRef LatestSources = new(Container, "sync/latest-sources.json");

    public static SnapshotRef ChangesOf(string runId) => new(Container, $"sync/changes/{runId}.json");

    public async Task<EvaluationSummary> UnifyAndEvaluateAsync(EvaluateInput input, CancellationToken cancellationToken)
    {
        var sources = SyncedSources.Empty();
        foreach (var read in input.Sources)
        {
            if (read.Succeeded())
            {
                sources.AddFull(await snapshots.LoadJsonAsync<ReadSnapshot>(read.Snapshot!, cancellationToken).ConfigureAwait(false));
            }
            else
            {
                sources.Fail(read.Source, read.FailureReason(), MediaServerOf(read.Source, input.Sources), thisRunOnly: false);
            }
        }

        await snapshots.SaveJsonAsync(LatestSources, sources.ToBase(), cancellationToken).ConfigureAwait(false);
        return await EvaluateAsync(input.RunId, input.Now, sources, cancellationToken).ConfigureAwait(false);
    }

    public async Task<EvaluationSummary> ApplyWatchChangesAsync(ApplyWatchChangesInput input, CancellationToken cancellationToken)
    {
        var previous = await snapshots.LoadAsync(LatestSources, cancellationToken).ConfigureAwait(false);
        if (previous is null)
        {
            return EvaluationSummary.Empty with { Warnings = ["No full sync has finished yet; watch changes are picked up by the first one."] };
        }

        var sources = SyncedSources.From(System.Text.Json.JsonSerializer.Deserialize<RulesSnapshot>(previous, WorkflowJson.Options)
            ?? throw new InvalidOperationException($"{LatestSources.BlobName} is empty."));
        foreach (var read in input.Sources)
        {
            if (read.Succeeded())
            {
                sources.Apply(await snapshots.LoadJsonAsync<ReadSnapshot>(read.Snapshot!, cancellationToken).ConfigureAwait(false));
            }
            else
            {
                sources.Fail(read.Source, read.FailureReason(), MediaServerOf(read.Source, input.Sources), thisRunOnly: true);
            }
        }

        await snapshots.SaveJsonAsync(LatestSources, sources.ToBase(), cancellationToken).ConfigureAwait(false);
        return await EvaluateAsync(input.RunId, input.Now, sources, cancellationToken).ConfigureAwait(false);
    }

    public async Task<PersistSummary> PersistChangesAsync(PersistInput input, CancellationToken cancellationToken)
    {
        if (input.Evaluation.Changes is not { } reference)
        {
            return new PersistSummary(0);
        }

        var changes = await snapshots.LoadJsonAsync<MediaChanges>(reference, cancellationToken).ConfigureAwait(false);
        if (changes.Upserts.Count == 0 && changes.Removed.Count == 0)
        {
            return new PersistSummary(0);
        }

        var written = await media.ApplyChangesAsync(changes.Upserts, changes.Removed, cancellationToken).ConfigureAwait(false);
        return new PersistSummary(written);
    }

    private async Task<EvaluationSummary> EvaluateAsync(
        string runId, DateTimeOffset now, SyncedSources sources, CancellationToken cancellationToken)
    {
        var unified = UnifiedLibrary.Build(sources.ToSnapshot());
        var ruleSet = (await rules.LoadAsync(cancellationToken).ConfigureAwait(false)).ToRuleSet();
        var stored = await media.ListAsync(cancellationToken).ConfigureAwait(false);
        var state = StateFrom(stored, await keeps.ListAsync(cancellationToken).ConfigureAwait(false), now);

        EvaluationResult result;
        try
        {
            result = RetentionEvaluator.Evaluate(unified, ruleSet, state, now);
        }
        catch (InvalidRuleSetException ex)
        {
            // Nothing is evaluated or changed: stale decisions stay as they were and the run fails visibly.
            throw new InvalidOperationException($"The stored rules are invalid, so the library was not evaluated; fix them under Rules. {ex.Message}", ex);
        }

        var records = new List<MediaRecord>(result.Decisions.Count);
        foreach (var decision in result.Decisions)
        {
            if (unified.Find(decision.ItemId) is { } item)
            {
                records.Add(MediaRecordMapping.ToRecord(decision, item, now));
            }
        }

        var changes = MediaChanges.Between(stored, records, removeVanished: !sources.AnyFailed);
        await library.SaveAsync(unified, state with { FlaggedAt = result.FlaggedAt }, cancellationToken).ConfigureAwait(false);
        var reference = await snapshots.SaveJsonAsync(ChangesOf(runId), changes, cancellationToken).ConfigureAwait(false);

        var warnings = new List<string>();
        foreach (var failure in sources.Failures)
        {
            warnings.Add($"{failure.Kind} '{failure.Source}' could not be read ({failure.Reason}): what it knows is unknown this run, items it would list are kept as they were, and nothing is removed.");
        }

        var (entered, left) = Movement(stored, records, changes.Removed);
        return new EvaluationSummary(
            unified.Items.Count,
            result.LeavingSoon.Count(),
            entered,
            left,
            result.Due.Count(),
            reference,
            warnings);
    }

    /// <summary>The flags of the stored library, and the keeps: what the rules remember between runs.</summary>
    internal static EvaluationState StateFrom(IReadOnlyList<MediaRecord> stored, IReadOnlyList<ManualKeep> manualKeeps, DateTimeOffset now)
    {
        var flagged = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var record in stored)
        {
            if (record.FlaggedAt is { } at) flagged[record.Id] = at;
        }

        var kept = new List<string>();
        var postponed = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var keep in manualKeeps.Where(k => k.IsActive(now)))
        {
            if (keep.Until is { } until) postponed[keep.ItemId] = until;
            else kept.Add(keep.ItemId);
        }

        return new EvaluationState { FlaggedAt = flagged, Keeps = kept, PostponedUntil = postponed };
    }

    private static (int Entered, int Left) Movement(IReadOnlyList<MediaRecord> stored, List<MediaRecord> current, IReadOnlyList<string> removed)
    {
        var wasLeaving = stored.Where(r => r.IsLeaving).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var isLeaving = current.Where(r => r.IsLeaving).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var decided = current.Select(r => r.Id).Concat(removed).ToHashSet(StringComparer.Ordinal);

        // Items missing only because a source failed have not left: they are neither decided nor removed.
        return (isLeaving.Count(id => !wasLeaving.Contains(id)), wasLeaving.Count(id => !isLeaving.Contains(id) && decided.Contains(id)));
    }

    /// <summary>
    /// For a statistics source (Jellystat, Tautulli): the media server whose plays it records, so that only that
    /// server's items become unknown. Configured, or the only server of its family read this run; otherwise null (all).
    /// </summary>
    private string? MediaServerOf(Workflows.SourceRef source, IReadOnlyList<SourceSyncSummary> reads)
    {
        if (source.Kind is not (ServiceKind.Jellystat or ServiceKind.Tautulli)) return null;

        var configured = catalog?.WatchHistorySources
            .FirstOrDefault(h => string.Equals(h.Name, source.Name, StringComparison.OrdinalIgnoreCase))?.MediaServer;
        if (!string.IsNullOrEmpty(configured)) return configured;

        var family = reads
            .Select(r => r.Source)
            .Where(s => s.Role == SourceRole.MediaServer
                        && (source.Kind == ServiceKind.Tautulli ? s.Kind == ServiceKind.Plex : s.Kind is ServiceKind.Jellyfin or ServiceKind.Emby))
            .Select(s => s.Name)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        return family.Count == 1 ? family[0] : null;
    }
}
