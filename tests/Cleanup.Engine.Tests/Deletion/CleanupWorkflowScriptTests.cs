using Cleanup.Engine.Deletion;
using Cleanup.Engine.Sources;
using Cleanup.Engine.Tests.Workflows.Support;
using Cleanup.Engine.Workflows;

namespace Cleanup.Engine.Tests.Deletion;

/// <summary>The cleanup workflow as a script of activity calls, the way Durable replays it.</summary>
public sealed class CleanupWorkflowScriptTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Each_item_is_rechecked_then_acted_on_then_audited_and_the_run_finishes_once()
    {
        var context = Scripted();

        var result = await new CleanupWorkflow().RunAsync(context, new CleanupInput("user:anna"));

        Assert.Equal(
            [
                ActivityNames.CheckAnomalies, ActivityNames.PlanDeletions,
                ActivityNames.RecheckItem, ActivityNames.ActOnItem, ActivityNames.RecordDeletion,
                ActivityNames.RecheckItem, ActivityNames.RecordDeletion, // protected: never acted on
                ActivityNames.FinishDeletions, ActivityNames.UpdateLeavingSoonCollections, ActivityNames.NotifyDeleted,
            ],
            context.CallNames);
        Assert.Equal(1, result.Deleted);
        Assert.Equal(1, result.Skipped);
        Assert.Contains("\"actor\":\"user:anna\"", context.Calls.First(c => c.StartsWith(ActivityNames.RecordDeletion, StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Same_inputs_give_the_same_activity_calls()
    {
        var first = Scripted();
        var second = Scripted();

        await new CleanupWorkflow().RunAsync(first, new CleanupInput());
        await new CleanupWorkflow().RunAsync(second, new CleanupInput());

        Assert.Equal(first.Calls, second.Calls);
    }

    [Fact]
    public async Task A_dry_run_plan_never_finishes_deletions()
    {
        var context = Scripted(DeletionMode.DryRun);

        var result = await new CleanupWorkflow().RunAsync(context, new CleanupInput());

        Assert.DoesNotContain(ActivityNames.FinishDeletions, context.CallNames);
        Assert.Equal(1, result.WouldDelete);
    }

    private static ScriptedWorkflowContext Scripted(DeletionMode mode = DeletionMode.Live)
    {
        var items = new[] { Candidate("movie:1", "A"), Candidate("movie:2", "B") };
        return new ScriptedWorkflowContext("job-3", Now)
            .On(ActivityNames.CheckAnomalies, _ => AnomalyReport.None)
            .On(ActivityNames.PlanDeletions, _ => new DeletionPlan(mode, items, 2, 0, []))
            .On(ActivityNames.RecheckItem, i => ((RecheckItemInput)i!).Candidate.ItemId == "movie:2" ? RecheckResult.Protected("kept by ben") : RecheckResult.StillDue)
            .On(ActivityNames.ActOnItem, i => ((ActOnItemInput)i!).Mode == DeletionMode.Live ? new ActionOutcome(AuditOutcome.Deleted) : new ActionOutcome(AuditOutcome.WouldDelete, "dry run"))
            .On(ActivityNames.RecordDeletion, i => new RecordedDeletion("x"))
            .On(ActivityNames.FinishDeletions, _ => new FinishSummary(1, 1, []))
            .On(ActivityNames.UpdateLeavingSoonCollections, _ => new CollectionsSummary(1, 0, []))
            .On(ActivityNames.NotifyDeleted, _ => NotifySummary.None);
    }

    private static DeletionCandidate Candidate(string id, string title) =>
        new(id, title, DeletionMediaType.Movie, 10, DeletionAction.Delete, "r", ["t"], new([new ArrTarget("radarr", ServiceKind.Radarr, 1)], [], []));
}
