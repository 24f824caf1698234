namespace Cleanup.Engine.Workflows;

/// <summary>The names workflows call activities by. They are the Durable activity function names too: never rename.</summary>
public static class ActivityNames
{
    public const string ListSources = "ListSources";
    public const string SyncSource = "SyncSource";
    public const string RecordSourceHealth = "RecordSourceHealth";
    public const string LoadSyncCursors = "LoadSyncCursors";
    public const string UnifyAndEvaluate = "UnifyAndEvaluate";
    public const string ApplyWatchChanges = "ApplyWatchChanges";
    public const string PersistChanges = "PersistChanges";
    public const string UpdateLeavingSoonCollections = "UpdateLeavingSoonCollections";
    public const string NotifyLeavingSoon = "NotifyLeavingSoon";
    public const string NotifyRunFailed = "NotifyRunFailed";
    public const string CheckAnomalies = "CheckAnomalies";
    public const string PlanDeletions = "PlanDeletions";
    public const string RecheckItem = "RecheckItem";
    public const string ActOnItem = "ActOnItem";
    public const string RecordDeletion = "RecordDeletion";
    public const string FinishDeletions = "FinishDeletions";
    public const string NotifyDeleted = "NotifyDeleted";
}
