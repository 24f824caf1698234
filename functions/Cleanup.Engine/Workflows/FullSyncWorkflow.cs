using Cleanup.Engine.Jobs;

namespace Cleanup.Engine.Workflows;

/// <summary>
/// Reads every source (in parallel, each into its own snapshot), records how each read went, lets the rules
/// evaluate the unified library, persists what changed, updates the "leaving soon" collections and notifies.
/// Deterministic: see <see cref="IWorkflowContext"/>.
/// </summary>
public sealed class FullSyncWorkflow : IWorkflow<FullSyncInput, SyncResult>
{
    public static string Name => "FullSync";

    public async Task<SyncResult> RunAsync(IWorkflowContext context, FullSyncInput input)
    {
        var runId = context.InstanceId;
        var now = context.CurrentUtcDateTime;
        try
        {
            var sources = await context.CallActivityAsync<IReadOnlyList<SourceRef>>(ActivityNames.ListSources, new ListSourcesInput(), ActivityRetry.Standard);

            var reads = await FanOut.WhenAllAsync(context, "Reading sources", [.. sources.Select(source =>
                context.CallActivityAsync<SourceSyncSummary>(ActivityNames.SyncSource, new SyncSourceInput(runId, source, SyncMode.Full), ActivityRetry.Standard))]);
            var health = await context.CallActivityAsync<SourceHealthReport>(ActivityNames.RecordSourceHealth, new RecordSourceHealthInput(reads), ActivityRetry.Standard);

            context.SetProgress("Evaluating rules", sources.Count, sources.Count);
            var evaluation = await context.CallActivityAsync<EvaluationSummary>(ActivityNames.UnifyAndEvaluate, new EvaluateInput(runId, now, reads), ActivityRetry.Standard);

            context.SetProgress("Saving changes", 0, 3);
            await context.CallActivityAsync<PersistSummary>(ActivityNames.PersistChanges, new PersistInput(runId, evaluation), ActivityRetry.Standard);

            context.SetProgress("Updating leaving-soon collections", 1, 3);
            var collections = await context.CallActivityAsync<CollectionsSummary>(ActivityNames.UpdateLeavingSoonCollections, new UpdateCollectionsInput(runId, []), ActivityRetry.Standard);

            context.SetProgress("Sending notifications", 2, 3);
            var notified = await context.CallActivityAsync<NotifySummary>(ActivityNames.NotifyLeavingSoon, new NotifyLeavingSoonInput(runId, now), ActivityRetry.Standard);

            context.SetProgress("Done", 3, 3);
            return new SyncResult(reads, evaluation, [.. health.Anomalies, .. evaluation.Warnings, .. collections.Errors, .. notified.Errors]);
        }
        catch (Exception ex)
        {
            await WorkflowFailure.NotifyAsync(context, JobKind.FullSync, ex);
            throw;
        }
    }
}
