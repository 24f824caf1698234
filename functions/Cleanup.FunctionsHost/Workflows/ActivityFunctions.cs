using System.Text.Json;
using Cleanup.Engine.Deletion;
using Cleanup.Engine.Workflows;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace Cleanup.FunctionsHost.Workflows;

/// <summary>
/// One Durable activity per engine activity, each dispatched through the same <see cref="ActivityRegistry"/> the
/// self-host uses (so the activity classes and their dependencies are built in one place, <c>CleanupActivities</c>).
/// </summary>
public static class ActivityFunctions
{
    [Function(ActivityNames.ListSources)]
    public static Task<IReadOnlyList<SourceRef>> ListSources([ActivityTrigger] ListSourcesInput input, FunctionContext context) =>
        RunAsync<ListSourcesInput, IReadOnlyList<SourceRef>>(ActivityNames.ListSources, input, context);

    [Function(ActivityNames.SyncSource)]
    public static Task<SourceSyncSummary> SyncSource([ActivityTrigger] SyncSourceInput input, FunctionContext context) =>
        RunAsync<SyncSourceInput, SourceSyncSummary>(ActivityNames.SyncSource, input, context);

    [Function(ActivityNames.RecordSourceHealth)]
    public static Task<SourceHealthReport> RecordSourceHealth([ActivityTrigger] RecordSourceHealthInput input, FunctionContext context) =>
        RunAsync<RecordSourceHealthInput, SourceHealthReport>(ActivityNames.RecordSourceHealth, input, context);

    [Function(ActivityNames.LoadSyncCursors)]
    public static Task<IReadOnlyList<SyncCursor>> LoadSyncCursors([ActivityTrigger] LoadSyncCursorsInput input, FunctionContext context) =>
        RunAsync<LoadSyncCursorsInput, IReadOnlyList<SyncCursor>>(ActivityNames.LoadSyncCursors, input, context);

    [Function(ActivityNames.UnifyAndEvaluate)]
    public static Task<EvaluationSummary> UnifyAndEvaluate([ActivityTrigger] EvaluateInput input, FunctionContext context) =>
        RunAsync<EvaluateInput, EvaluationSummary>(ActivityNames.UnifyAndEvaluate, input, context);

    [Function(ActivityNames.ApplyWatchChanges)]
    public static Task<EvaluationSummary> ApplyWatchChanges([ActivityTrigger] ApplyWatchChangesInput input, FunctionContext context) =>
        RunAsync<ApplyWatchChangesInput, EvaluationSummary>(ActivityNames.ApplyWatchChanges, input, context);

    [Function(ActivityNames.PersistChanges)]
    public static Task<PersistSummary> PersistChanges([ActivityTrigger] PersistInput input, FunctionContext context) =>
        RunAsync<PersistInput, PersistSummary>(ActivityNames.PersistChanges, input, context);

    [Function(ActivityNames.UpdateLeavingSoonCollections)]
    public static Task<CollectionsSummary> UpdateLeavingSoonCollections([ActivityTrigger] UpdateCollectionsInput input, FunctionContext context) =>
        RunAsync<UpdateCollectionsInput, CollectionsSummary>(ActivityNames.UpdateLeavingSoonCollections, input, context);

    [Function(ActivityNames.NotifyLeavingSoon)]
    public static Task<NotifySummary> NotifyLeavingSoon([ActivityTrigger] NotifyLeavingSoonInput input, FunctionContext context) =>
        RunAsync<NotifyLeavingSoonInput, NotifySummary>(ActivityNames.NotifyLeavingSoon, input, context);

    [Function(ActivityNames.NotifyRunFailed)]
    public static Task<NotifySummary> NotifyRunFailed([ActivityTrigger] NotifyRunFailedInput input, FunctionContext context) =>
        RunAsync<NotifyRunFailedInput, NotifySummary>(ActivityNames.NotifyRunFailed, input, context);

    [Function(ActivityNames.CheckAnomalies)]
    public static Task<AnomalyReport> CheckAnomalies([ActivityTrigger] CheckAnomaliesInput input, FunctionContext context) =>
        RunAsync<CheckAnomaliesInput, AnomalyReport>(ActivityNames.CheckAnomalies, input, context);

    [Function(ActivityNames.PlanDeletions)]
    public static Task<DeletionPlan> PlanDeletions([ActivityTrigger] PlanDeletionsInput input, FunctionContext context) =>
        RunAsync<PlanDeletionsInput, DeletionPlan>(ActivityNames.PlanDeletions, input, context);

    [Function(ActivityNames.RecheckItem)]
    public static Task<RecheckResult> RecheckItem([ActivityTrigger] RecheckItemInput input, FunctionContext context) =>
        RunAsync<RecheckItemInput, RecheckResult>(ActivityNames.RecheckItem, input, context);

    [Function(ActivityNames.ActOnItem)]
    public static Task<ActionOutcome> ActOnItem([ActivityTrigger] ActOnItemInput input, FunctionContext context) =>
        RunAsync<ActOnItemInput, ActionOutcome>(ActivityNames.ActOnItem, input, context);

    [Function(ActivityNames.RecordDeletion)]
    public static Task<RecordedDeletion> RecordDeletion([ActivityTrigger] RecordDeletionInput input, FunctionContext context) =>
        RunAsync<RecordDeletionInput, RecordedDeletion>(ActivityNames.RecordDeletion, input, context);

    [Function(ActivityNames.FinishDeletions)]
    public static Task<FinishSummary> FinishDeletions([ActivityTrigger] FinishDeletionsInput input, FunctionContext context) =>
        RunAsync<FinishDeletionsInput, FinishSummary>(ActivityNames.FinishDeletions, input, context);

    [Function(ActivityNames.NotifyDeleted)]
    public static Task<NotifySummary> NotifyDeleted([ActivityTrigger] NotifyDeletedInput input, FunctionContext context) =>
        RunAsync<NotifyDeletedInput, NotifySummary>(ActivityNames.NotifyDeleted, input, context);

    /// <summary>
    /// The registry speaks JSON (in process it is the serialization boundary); the records go through the engine's
    /// own settings there and back, so an activity sees exactly what it sees in the self-host.
    /// </summary>
    private static async Task<TOutput> RunAsync<TInput, TOutput>(string name, TInput input, FunctionContext context)
    {
        var services = context.InstanceServices;
        var registry = services.GetRequiredService<ActivityRegistry>();
        var output = await registry.InvokeAsync(name, services, JsonSerializer.Serialize(input, WorkflowJson.Options), context.CancellationToken);
        return JsonSerializer.Deserialize<TOutput>(output, WorkflowJson.Options)!;
    }
}
