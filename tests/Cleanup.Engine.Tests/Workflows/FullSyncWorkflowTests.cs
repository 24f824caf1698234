using Cleanup.Engine.Jobs;
using Cleanup.Engine.Ports;
using Cleanup.Engine.Sources;
using Cleanup.Engine.Tests.Workflows.Support;
using Cleanup.Engine.Workflows;

namespace Cleanup.Engine.Tests.Workflows;

public sealed class FullSyncWorkflowTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly SourceRef[] Sources =
    [
        new("radarr", ServiceKind.Radarr, SourceRole.Movies),
        new("sonarr", ServiceKind.Sonarr, SourceRole.Series),
        new("jellyfin", ServiceKind.Jellyfin, SourceRole.MediaServer),
    ];

    [Fact]
    public async Task Reads_every_source_then_evaluates_persists_updates_collections_and_notifies()
    {
        var context = Scripted();

        var result = await new FullSyncWorkflow().RunAsync(context, new FullSyncInput());

        Assert.Equal(
            [
                ActivityNames.ListSources,
                ActivityNames.SyncSource, ActivityNames.SyncSource, ActivityNames.SyncSource,
                ActivityNames.RecordSourceHealth,
                ActivityNames.UnifyAndEvaluate,
                ActivityNames.PersistChanges,
                ActivityNames.UpdateLeavingSoonCollections,
                ActivityNames.NotifyLeavingSoon,
            ],
            context.CallNames);
        Assert.Equal(3, result.Reads.Count);
        Assert.Equal([("Reading sources", 0, 3), ("Reading sources", 1, 3), ("Reading sources", 2, 3), ("Reading sources", 3, 3)], context.Progress.Take(4));
        Assert.Equal(("Done", 3, 3), context.Progress[^1]);
    }

    [Fact]
    public async Task Same_inputs_give_the_same_activity_calls()
    {
        var first = Scripted();
        var second = Scripted();

        await new FullSyncWorkflow().RunAsync(first, new FullSyncInput());
        await new FullSyncWorkflow().RunAsync(second, new FullSyncInput());

        Assert.Equal(first.Calls, second.Calls);
        Assert.Contains(first.Calls, c => c.StartsWith(ActivityNames.UnifyAndEvaluate, StringComparison.Ordinal) && c.Contains("2026-05-01T12:00:00+00:00", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failed_source_is_reported_and_handed_to_the_evaluation_as_failed()
    {
        var context = Scripted(failing: "sonarr");
        EvaluateInput? evaluated = null;
        context.On(ActivityNames.UnifyAndEvaluate, i =>
        {
            evaluated = (EvaluateInput)i!;
            return EvaluationSummary.Empty;
        });

        var result = await new FullSyncWorkflow().RunAsync(context, new FullSyncInput());

        var sources = ((IJobReport)result).Sources;
        Assert.Equal(SourceOutcome.Failed, sources.Single(s => s.Name == "sonarr").Outcome);
        Assert.Equal("HTTP 503", sources.Single(s => s.Name == "sonarr").Error);
        Assert.Equal(SourceOutcome.Failed, evaluated!.Sources.Single(s => s.Source.Name == "sonarr").Outcome);
        Assert.Null(evaluated.Sources.Single(s => s.Source.Name == "sonarr").Snapshot);
    }

    [Fact]
    public async Task A_failing_step_notifies_that_the_run_failed_and_fails_the_run()
    {
        var context = Scripted();
        context.On(ActivityNames.PersistChanges, _ => throw new InvalidOperationException("storage unreachable"));
        NotifyRunFailedInput? failure = null;
        context.On(ActivityNames.NotifyRunFailed, i =>
        {
            failure = (NotifyRunFailedInput)i!;
            return NotifySummary.None;
        });

        await Assert.ThrowsAsync<InvalidOperationException>(() => new FullSyncWorkflow().RunAsync(context, new FullSyncInput()));

        Assert.Equal(JobKind.FullSync, failure!.Kind);
        Assert.Equal("storage unreachable", failure.Error);
        Assert.DoesNotContain(ActivityNames.UpdateLeavingSoonCollections, context.CallNames);
    }

    private static ScriptedWorkflowContext Scripted(string? failing = null) =>
        new ScriptedWorkflowContext("job-1", Now)
            .On(ActivityNames.ListSources, _ => Sources)
            .On(ActivityNames.SyncSource, i =>
            {
                var input = (SyncSourceInput)i!;
                return input.Source.Name == failing
                    ? new SourceSyncSummary(input.Source, input.Mode, SourceOutcome.Failed, 0, "HTTP 503", null, Now)
                    : new SourceSyncSummary(input.Source, input.Mode, SourceOutcome.Ok, 10, null, new SnapshotRef("snapshots", $"{input.RunId}/{input.Source.Name}.json"), Now);
            })
            .On(ActivityNames.RecordSourceHealth, _ => new SourceHealthReport([]))
            .On(ActivityNames.UnifyAndEvaluate, _ => new EvaluationSummary(30, 2, 1, 0, 1, new SnapshotRef("changes", "job-1.json"), []))
            .On(ActivityNames.PersistChanges, _ => new PersistSummary(3))
            .On(ActivityNames.UpdateLeavingSoonCollections, _ => new CollectionsSummary(1, 2, []))
            .On(ActivityNames.NotifyLeavingSoon, _ => NotifySummary.None)
            .On(ActivityNames.NotifyRunFailed, _ => NotifySummary.None);
}
