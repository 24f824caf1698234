using Cleanup.Engine.Jobs;
using Cleanup.Engine.Sources;
using Cleanup.Engine.Tests.Workflows.Support;
using Cleanup.Engine.Workflows;

namespace Cleanup.Engine.Tests.Workflows;

public sealed class IncrementalSyncWorkflowTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 12, 15, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Cursor = new(2026, 5, 1, 11, 55, 0, TimeSpan.Zero);

    private static readonly SourceRef[] Sources =
    [
        new("radarr", ServiceKind.Radarr, SourceRole.Movies),
        new("sonarr", ServiceKind.Sonarr, SourceRole.Series),
        new("jellyfin", ServiceKind.Jellyfin, SourceRole.MediaServer),
        new("jellyseerr", ServiceKind.Jellyseerr, SourceRole.Requests),
        new("jellystat", ServiceKind.Jellystat, SourceRole.WatchHistory),
    ];

    [Fact]
    public async Task Reads_only_watch_changes_since_each_cursor()
    {
        var (context, reads) = Scripted();

        await new IncrementalSyncWorkflow().RunAsync(context, new IncrementalSyncInput());

        Assert.Equal(["jellyfin", "jellystat"], reads.Select(r => r.Source.Name).Order());
        Assert.All(reads, r => Assert.Equal(SyncMode.WatchChanges, r.Mode));
        Assert.Equal(Cursor, reads.Single(r => r.Source.Name == "jellyfin").ChangedSince);
        Assert.Null(reads.Single(r => r.Source.Name == "jellystat").ChangedSince); // never read before: everything
        Assert.DoesNotContain(ActivityNames.UpdateLeavingSoonCollections, context.CallNames); // nothing entered or left
    }

    [Fact]
    public async Task A_radarr_webhook_also_rereads_radarr_and_hands_the_hint_to_the_rules()
    {
        var (context, reads) = Scripted();
        ApplyWatchChangesInput? applied = null;
        context.On(ActivityNames.ApplyWatchChanges, i =>
        {
            applied = (ApplyWatchChangesInput)i!;
            return new EvaluationSummary(1, 1, 0, 1, 0, null, []);
        });

        await new IncrementalSyncWorkflow().RunAsync(context, new IncrementalSyncInput([new ItemHint(ServiceKind.Radarr, "MovieDelete", TmdbId: 603)]));

        Assert.Contains(reads, r => r.Source.Name == "radarr");
        Assert.DoesNotContain(reads, r => r.Source.Name == "sonarr");
        Assert.Equal(603, Assert.Single(applied!.Hints).TmdbId);
        Assert.Contains(ActivityNames.UpdateLeavingSoonCollections, context.CallNames); // an item left leaving soon
    }

    private static (ScriptedWorkflowContext, List<SyncSourceInput>) Scripted()
    {
        var reads = new List<SyncSourceInput>();
        var context = new ScriptedWorkflowContext("job-2", Now)
            .On(ActivityNames.ListSources, _ => Sources)
            .On(ActivityNames.LoadSyncCursors, i => ((LoadSyncCursorsInput)i!).Sources.Select(s => new SyncCursor(s, s == "jellyfin" ? Cursor : null)).ToList())
            .On(ActivityNames.SyncSource, i =>
            {
                var input = (SyncSourceInput)i!;
                lock (reads)
                {
                    reads.Add(input);
                }

                return new SourceSyncSummary(input.Source, input.Mode, SourceOutcome.Ok, 2, null, null, Now);
            })
            .On(ActivityNames.RecordSourceHealth, _ => new SourceHealthReport([]))
            .On(ActivityNames.ApplyWatchChanges, _ => new EvaluationSummary(2, 0, 0, 0, 0, null, []))
            .On(ActivityNames.PersistChanges, _ => new PersistSummary(1))
            .On(ActivityNames.UpdateLeavingSoonCollections, _ => new CollectionsSummary(1, 0, []))
            .On(ActivityNames.NotifyLeavingSoon, _ => NotifySummary.None);
        return (context, reads);
    }
}
