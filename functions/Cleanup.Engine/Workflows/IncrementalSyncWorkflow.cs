using Cleanup.Engine.Jobs;

namespace Cleanup.Engine.Workflows;

/// <summary>
/// Picks up watching since the last run: each media server's watch state changed since its cursor (Jellyfin's
/// <c>minDateLastSaved</c>), recent Jellystat/Tautulli plays, and what plays now; plus a fresh Radarr/Sonarr list
/// when a webhook said something changed there. The rules re-evaluate only what the changes touch.
/// </summary>
public sealed class IncrementalSyncWorkflow : IWorkflow<IncrementalSyncInput, SyncResult>
{
    public static string Name => "IncrementalSync";

    public async Task<SyncResult> RunAsync(IWorkflowContext context, IncrementalSyncInput input)
    {
        var runId = context.InstanceId;
        var now = context.CurrentUtcDateTime;
        var hints = input.Hints ?? [];
        try
        {
            var sources = await context.CallActivityAsync<IReadOnlyList<SourceRef>>(ActivityNames.ListSources, new ListSourcesInput(), ActivityRetry.Standard);
            var watched = sources.Where(s => s.Role is SourceRole.MediaServer or SourceRole.WatchHistory).ToList();
            var hintedArr = sources.Where(s =>
                (s.Role == SourceRole.Movies && hints.Any(h => h.Service == Sources.ServiceKind.Radarr))
                || (s.Role == SourceRole.Series && hints.Any(h => h.Service == Sources.ServiceKind.Sonarr))).ToList();

            var cursors = await context.CallActivityAsync<IReadOnlyList<SyncCursor>>(
                ActivityNames.LoadSyncCursors, new LoadSyncCursorsInput([.. watched.Select(s => s.Name)]), ActivityRetry.Standard);

            var reads = await FanOut.WhenAllAsync(context, "Reading changes", [..
                watched.Select(source => context.CallActivityAsync<SourceSyncSummary>(
                    ActivityNames.SyncSource,
                    new SyncSourceInput(runId, source, SyncMode.WatchChanges, cursors.FirstOrDefault(c => c.Source == source.Name)?.ChangedSince),
                    ActivityRetry.Standard))
                .Concat(hintedArr.Select(source => context.CallActivityAsync<SourceSyncSummary>(
                    ActivityNames.SyncSource,
                    new SyncSourceInput(runId, source, SyncMode.WatchChanges),
                    ActivityRetry.Standard)))]);
            var health = await context.CallActivityAsync<SourceHealthReport>(ActivityNames.RecordSourceHealth, new RecordSourceHealthInput(reads), ActivityRetry.Standard);

            context.SetProgress("Evaluating changes", reads.Length, reads.Length);
            var evaluation = await context.CallActivityAsync<EvaluationSummary>(
                ActivityNames.ApplyWatchChanges, new ApplyWatchChangesInput(runId, now, reads, hints), ActivityRetry.Standard);
            await context.CallActivityAsync<PersistSummary>(ActivityNames.PersistChanges, new PersistInput(runId, evaluation), ActivityRetry.Standard);

            var errors = new List<string>([.. health.Anomalies, .. evaluation.Warnings]);
            if (evaluation.EnteredLeavingSoon > 0 || evaluation.LeftLeavingSoon > 0)
            {
                context.SetProgress("Updating leaving-soon collections", 0, 1);
                var collections = await context.CallActivityAsync<CollectionsSummary>(ActivityNames.UpdateLeavingSoonCollections, new UpdateCollectionsInput(runId, []), ActivityRetry.Standard);
                var notified = await context.CallActivityAsync<NotifySummary>(ActivityNames.NotifyLeavingSoon, new NotifyLeavingSoonInput(runId, now), ActivityRetry.Standard);
                errors.AddRange([.. collections.Errors, .. notified.Errors]);
            }

            context.SetProgress("Done", 1, 1);
            return new SyncResult(reads, evaluation, errors);
        }
        catch (Exception ex)
        {
            await WorkflowFailure.NotifyAsync(context, JobKind.IncrementalSync, ex);
            throw;
        }
    }
}
