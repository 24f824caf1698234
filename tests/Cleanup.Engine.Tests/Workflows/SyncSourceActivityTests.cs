using Cleanup.Engine.Jobs;
using Cleanup.Engine.Ports;
using Cleanup.Engine.Sources;
using Cleanup.Engine.Tests.Workflows.Support;
using Cleanup.Engine.Workflows;
using Cleanup.Engine.Workflows.Activities;
using Cleanup.Engine.Workflows.InMemory;

namespace Cleanup.Engine.Tests.Workflows;

public sealed class SyncSourceActivityTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeCatalog catalog = new();
    private readonly InMemorySnapshotStore snapshots = new();
    private readonly FakeRadarr radarr = new("radarr 4K");
    private readonly FakeMediaServer jellyfin = new();

    public SyncSourceActivityTests()
    {
        catalog.Movies.Add(radarr);
        catalog.Servers.Add(jellyfin);
        radarr.AddMovie(1, "The Matrix");
        radarr.AddMovie(2, "Heat");
        jellyfin.Items.Add(new MediaServerItem("jellyfin", "jf1", MediaServerItemType.Movie, "The Matrix", 1999, new(1001, null, null), null, null, null, 10, Now));
        jellyfin.States.Add(new UserWatchState("jellyfin", "u1", "anna", "jf1", true, 1, Now.AddHours(-1), 0, false));
        jellyfin.States.Add(new UserWatchState("jellyfin", "u1", "anna", "jf2", true, 1, Now.AddDays(-3), 0, false));
    }

    [Fact]
    public async Task Writes_what_the_source_returned_to_a_snapshot_and_returns_only_a_summary()
    {
        var source = ListSourcesActivity.List(catalog).Single(s => s.Role == SourceRole.Movies);

        var summary = await Activity().RunAsync(new SyncSourceInput("job-1", source, SyncMode.Full), default);

        Assert.Equal(SourceOutcome.Ok, summary.Outcome);
        Assert.Equal(2, summary.ItemCount);
        Assert.Equal(new SnapshotRef("snapshots", "job-1/radarr_4K.json"), summary.Snapshot);
        var snapshot = await snapshots.LoadJsonAsync<SourceSnapshot>(summary.Snapshot!, default);
        Assert.Equal(["The Matrix", "Heat"], snapshot.Movies!.Select(m => m.Title));
    }

    [Fact]
    public async Task A_source_that_cannot_be_read_is_reported_failed_without_a_snapshot()
    {
        radarr.ReadFails = true;
        var source = ListSourcesActivity.List(catalog).Single(s => s.Role == SourceRole.Movies);

        var summary = await Activity().RunAsync(new SyncSourceInput("job-1", source, SyncMode.Full), default);

        Assert.Equal(SourceOutcome.Failed, summary.Outcome);
        Assert.Equal("HTTP 503 after 4 attempts", summary.Error);
        Assert.Null(summary.Snapshot);
        Assert.Empty(snapshots.References);
    }

    [Fact]
    public async Task Watch_changes_read_only_enabled_users_state_since_the_cursor_and_no_items()
    {
        var source = ListSourcesActivity.List(catalog).Single(s => s.Role == SourceRole.MediaServer);

        var summary = await Activity().RunAsync(new SyncSourceInput("job-2", source, SyncMode.WatchChanges, Now.AddHours(-2)), default);

        var snapshot = await snapshots.LoadJsonAsync<SourceSnapshot>(summary.Snapshot!, default);
        Assert.Null(snapshot.Items);
        Assert.Equal(["jf1"], snapshot.WatchStates!.Select(s => s.ItemId));
        Assert.Equal([Now.AddHours(-2)], jellyfin.WatchStateReads); // ben is disabled: not read
        Assert.Equal(1, summary.ItemCount);
    }

    [Fact]
    public async Task A_source_removed_from_configuration_is_reported_failed()
    {
        var summary = await Activity().RunAsync(new SyncSourceInput("job-1", new SourceRef("gone", ServiceKind.Radarr, SourceRole.Movies), SyncMode.Full), default);

        Assert.Equal(SourceOutcome.Failed, summary.Outcome);
        Assert.Contains("no longer configured", summary.Error, StringComparison.Ordinal);
    }

    private SyncSourceActivity Activity() => new(catalog, snapshots, new ManualTimeProvider(Now));
}
