using Cleanup.Engine.Deletion;
using Cleanup.Engine.Deletion.Activities;
using Cleanup.Engine.Notifications;
using Cleanup.Engine.Ports;
using Cleanup.Engine.Workflows.Activities;

namespace Cleanup.Engine.Workflows;

/// <summary>
/// Registers every activity of the three workflows, each created per call from the service provider through
/// <paramref name="resolve"/> (the host passes its DI container; tests pass a lookup of their fakes).
/// </summary>
public static class CleanupActivities
{
    public static ActivityRegistry AddCleanupActivities(this ActivityRegistry registry)
    {
        return registry
            .Add<ListSourcesActivity, ListSourcesInput, IReadOnlyList<SourceRef>>(sp => new(Get<IServiceCatalog>(sp)))
            .Add<SyncSourceActivity, SyncSourceInput, SourceSyncSummary>(sp => new(Get<IServiceCatalog>(sp), Get<ISnapshotStore>(sp), Get<TimeProvider>(sp)))
            .Add<RecordSourceHealthActivity, RecordSourceHealthInput, SourceHealthReport>(sp => new(Get<ISourceHealthStore>(sp), Get<DeletionOptions>(sp)))
            .Add<LoadSyncCursorsActivity, LoadSyncCursorsInput, IReadOnlyList<SyncCursor>>(sp => new(Get<ISourceHealthStore>(sp)))
            .Add<UnifyAndEvaluateActivity, EvaluateInput, EvaluationSummary>(sp => new(Get<ILibraryEvaluation>(sp)))
            .Add<ApplyWatchChangesActivity, ApplyWatchChangesInput, EvaluationSummary>(sp => new(Get<ILibraryEvaluation>(sp)))
            .Add<PersistChangesActivity, PersistInput, PersistSummary>(sp => new(Get<ILibraryEvaluation>(sp)))
            .Add<UpdateLeavingSoonCollectionsActivity, UpdateCollectionsInput, CollectionsSummary>(sp =>
                new(Get<ILeavingSoonSource>(sp), Get<IServiceCatalog>(sp), Get<LeavingSoonCollectionOptions>(sp), Get<TimeProvider>(sp)))
            .Add<NotifyLeavingSoonActivity, NotifyLeavingSoonInput, NotifySummary>(sp =>
                new(Get<ILeavingSoonSource>(sp), Get<INotificationLedger>(sp), Get<INotificationSender>(sp), Get<NotificationSchedule>(sp)))
            .Add<NotifyRunFailedActivity, NotifyRunFailedInput, NotifySummary>(sp => new(Get<INotificationSender>(sp), Get<TimeProvider>(sp)))
            .Add<CheckAnomaliesActivity, CheckAnomaliesInput, AnomalyReport>(sp => new(Get<IServiceCatalog>(sp), Get<ISourceHealthStore>(sp), Get<DeletionOptions>(sp)))
            .Add<PlanDeletionsActivity, PlanDeletionsInput, DeletionPlan>(sp => new(Get<IDeletionCandidateSource>(sp), Get<IAuditLog>(sp), Get<DeletionOptions>(sp)))
            .Add<RecheckItemActivity, RecheckItemInput, RecheckResult>(sp => new(Get<IItemRecheck>(sp)))
            .Add<ActOnItemActivity, ActOnItemInput, ActionOutcome>(sp => new(Get<IDeletionLedger>(sp), Get<IServiceCatalog>(sp), Get<TimeProvider>(sp)))
            .Add<RecordDeletionActivity, RecordDeletionInput, RecordedDeletion>(sp => new(Get<IAuditLog>(sp)))
            .Add<FinishDeletionsActivity, FinishDeletionsInput, FinishSummary>(sp => new(Get<IServiceCatalog>(sp)))
            .Add<NotifyDeletedActivity, NotifyDeletedInput, NotifySummary>(sp => new(Get<INotificationSender>(sp), Get<TimeProvider>(sp)));
    }

    private static T Get<T>(IServiceProvider services) =>
        (T?)services.GetService(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not registered; the workflows' activities need it.");
}
