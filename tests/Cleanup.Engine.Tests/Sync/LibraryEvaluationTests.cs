using Cleanup.Engine.Deletion;
using Cleanup.Engine.Jobs;
using Cleanup.Engine.Ports;
using Cleanup.Engine.Rules;
using Cleanup.Engine.Sources;
using Cleanup.Engine.Sync;
using Cleanup.Engine.Workflows;
using static Cleanup.Engine.Tests.TestData;
using ReadSnapshot = Cleanup.Engine.Workflows.SourceSnapshot;
using RulesSnapshot = Cleanup.Engine.Library.SourceSnapshot;
using SourceRef = Cleanup.Engine.Workflows.SourceRef;

namespace Cleanup.Engine.Tests.Sync;

public sealed class LibraryEvaluationTests
{
    private const string Matrix = "movie:tmdb:603";
    private const string Inception = "movie:tmdb:27205";

    [Fact]
    public async Task A_failed_media_server_makes_watch_state_unknown_and_removes_nothing()
    {
        var sync = new SyncHarness();
        sync.AddMovie(603, "The Matrix", DaysAgo(40));
        sync.AddMovie(27205, "Inception", DaysAgo(40));
        await sync.FullSyncAsync(Now);

        // Jellyfin fails, and Radarr no longer lists Inception: it may be gone, or only unseen this run.
        sync.JellyfinFails = true;
        sync.Movies.RemoveAll(m => m.TmdbId == 27205);
        var (evaluation, persisted) = await sync.FullSyncAsync(Now.AddDays(1));

        var inception = await sync.RecordAsync(Inception);
        Assert.Equal("LeavingSoon", inception.Status);
        Assert.Equal(Now, inception.FlaggedAt);

        var matrix = await sync.RecordAsync(Matrix);
        Assert.Equal("Kept", matrix.Status);
        Assert.Contains(matrix.Trace, line => line.Contains("unknown", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(Now, matrix.FlaggedAt); // a failure neither advances nor resets the grace period
        Assert.Equal(1, persisted.Written);
        Assert.Contains(evaluation.Warnings, w => w.Contains("'jellyfin'", StringComparison.Ordinal));

        // Once every source answers again, what vanished is removed and the grace period runs on from the first flag.
        sync.JellyfinFails = false;
        sync.ServerItems.RemoveAll(i => i.ItemId == SyncHarness.ServerId(27205));
        await sync.FullSyncAsync(Now.AddDays(2));

        Assert.Null(await sync.Media.GetAsync(Inception, CancellationToken.None));
        matrix = await sync.RecordAsync(Matrix);
        Assert.Equal("LeavingSoon", matrix.Status);
        Assert.Equal(Now.AddDays(14), matrix.DeletionDate);
    }

    [Fact]
    public async Task The_grace_period_counts_from_the_first_flag_across_runs()
    {
        var sync = new SyncHarness();
        sync.AddMovie(603, "The Matrix", DaysAgo(40)); // 30 days after added: overdue by 10 days when first seen

        await sync.FullSyncAsync(Now);
        var first = await sync.RecordAsync(Matrix);
        Assert.Equal(("LeavingSoon", Now, DaysAgo(10), Now.AddDays(14)), (first.Status, first.FlaggedAt, first.DueAt, first.DeletionDate));

        var dueItems = new DueItems(sync.Media, sync.Library, sync.Ledger);
        await sync.FullSyncAsync(Now.AddDays(13));
        Assert.Equal(Now, (await sync.RecordAsync(Matrix)).FlaggedAt);
        Assert.Equal("LeavingSoon", (await sync.RecordAsync(Matrix)).Status);
        Assert.Empty(await dueItems.ListDueAsync(Now.AddDays(13), CancellationToken.None));

        await sync.FullSyncAsync(Now.AddDays(14));
        Assert.Equal("Due", (await sync.RecordAsync(Matrix)).Status);
        var due = Assert.Single(await dueItems.ListDueAsync(Now.AddDays(14), CancellationToken.None));
        Assert.Equal(Matrix, due.ItemId);
        Assert.Equal(DeletionAction.Delete, due.Action);
        var radarr = Assert.Single(due.Targets.Arr);
        Assert.Equal((SyncHarness.Radarr, ServiceKind.Radarr, 603), (radarr.Instance, radarr.Kind, radarr.Id));
        Assert.Equal([9603], radarr.FileIds!);
        Assert.Equal(new MediaServerTarget(SyncHarness.Jellyfin, SyncHarness.ServerId(603)), Assert.Single(due.Targets.MediaServers));
        Assert.Equal(Now, due.FlaggedAt);
    }

    [Fact]
    public async Task An_unchanged_re_sync_writes_nothing_and_a_change_writes_only_its_item()
    {
        var sync = new SyncHarness();
        sync.AddMovie(603, "The Matrix", DaysAgo(40));
        sync.AddMovie(27205, "Inception", DaysAgo(5));
        sync.AddMovie(157336, "Interstellar", DaysAgo(25));

        var (_, first) = await sync.FullSyncAsync(Now);
        Assert.Equal(3, first.Written);

        var (evaluation, again) = await sync.FullSyncAsync(Now.AddHours(1));
        Assert.Equal(0, again.Written);
        var staged = await sync.Snapshots.LoadJsonAsync<MediaChanges>(evaluation.Changes!, CancellationToken.None);
        Assert.Empty(staged.Upserts);
        Assert.Empty(staged.Removed);

        sync.Watch("alice", 157336, Now.AddHours(1));
        var (_, changed) = await sync.FullSyncAsync(Now.AddHours(2));
        Assert.Equal(1, changed.Written);
        Assert.Equal(["alice"], (await sync.RecordAsync("movie:tmdb:157336")).WatchedBy);
        Assert.Equal(3 + 0 + 1, sync.Media.Written);
    }

    [Fact]
    public async Task A_keep_protects_at_evaluation_and_a_postponement_shows_its_date()
    {
        var sync = new SyncHarness();
        sync.AddMovie(603, "The Matrix", DaysAgo(40));
        sync.AddMovie(27205, "Inception", DaysAgo(40));
        await sync.Keeps.SetAsync(new ManualKeep(Matrix, null, "classic", "alice", Now), CancellationToken.None);
        await sync.Keeps.SetAsync(new ManualKeep(Inception, Now.AddDays(30), null, "bob", Now), CancellationToken.None);

        await sync.FullSyncAsync(Now.AddDays(20));

        var matrix = await sync.RecordAsync(Matrix);
        Assert.Equal(("Kept", true, (DateTimeOffset?)null, (DateTimeOffset?)null), (matrix.Status, matrix.Kept, matrix.KeptUntil, matrix.FlaggedAt));
        var inception = await sync.RecordAsync(Inception);
        Assert.Equal(("Kept", true, (DateTimeOffset?)Now.AddDays(30)), (inception.Status, inception.Kept, inception.KeptUntil));
        Assert.Empty(await new DueItems(sync.Media, sync.Library, sync.Ledger).ListDueAsync(Now.AddDays(20), CancellationToken.None));
    }

    [Fact]
    public async Task An_incremental_sync_applies_watch_changes_to_the_last_full_sync()
    {
        var sync = new SyncHarness();
        sync.AddMovie(603, "The Matrix", DaysAgo(40));
        sync.AddMovie(27205, "Inception", DaysAgo(40));
        await sync.FullSyncAsync(Now);

        // Alice watched the Matrix: 30 days from that play is outside the 14-day window, so it leaves "leaving soon".
        var watched = new UserWatchState(SyncHarness.Jellyfin, "u-alice", "alice", SyncHarness.ServerId(603), true, 1, Now.AddHours(1), 0, false);
        var (evaluation, persisted) = await sync.IncrementalSyncAsync(Now.AddHours(2), [watched]);

        var matrix = await sync.RecordAsync(Matrix);
        Assert.Equal(("NotDue", (DateTimeOffset?)null, (DateTimeOffset?)Now.AddHours(1).AddDays(30)), (matrix.Status, matrix.FlaggedAt, matrix.DueAt));
        Assert.Equal(["alice"], matrix.WatchedBy);
        Assert.Equal(1, evaluation.LeftLeavingSoon);
        Assert.Equal(1, persisted.Written);
        Assert.Equal("LeavingSoon", (await sync.RecordAsync(Inception)).Status); // untouched, not rewritten

        // The next full sync keeps what the incremental one learned (Jellyfin reports it too) and writes nothing new.
        sync.WatchStates.Add(watched);
        var (_, full) = await sync.FullSyncAsync(Now.AddHours(3));
        Assert.Equal(0, full.Written);
    }

    [Fact]
    public async Task An_incremental_sync_before_any_full_sync_changes_nothing_and_says_why()
    {
        var sync = new SyncHarness();
        var (evaluation, persisted) = await sync.IncrementalSyncAsync(Now, []);

        Assert.Null(evaluation.Changes);
        Assert.Equal(0, persisted.Written);
        Assert.Contains(evaluation.Warnings, w => w.Contains("full sync", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failed_incremental_read_keeps_items_unknown_for_that_run_only()
    {
        var sync = new SyncHarness();
        sync.AddMovie(603, "The Matrix", DaysAgo(40));
        await sync.FullSyncAsync(Now);

        sync.JellyfinFails = true;
        await sync.IncrementalSyncAsync(Now.AddHours(1), []);
        Assert.Equal("Kept", (await sync.RecordAsync(Matrix)).Status);

        sync.JellyfinFails = false;
        await sync.IncrementalSyncAsync(Now.AddHours(2), []);
        var matrix = await sync.RecordAsync(Matrix);
        Assert.Equal(("LeavingSoon", (DateTimeOffset?)Now), (matrix.Status, matrix.FlaggedAt));
    }

    [Fact]
    public async Task Invalid_stored_rules_stop_the_run_with_a_clear_message_and_change_nothing()
    {
        var sync = new SyncHarness();
        sync.AddMovie(603, "The Matrix", DaysAgo(40));
        await sync.FullSyncAsync(Now);
        sync.Rules.RuleSet = RuleSet.Default with { Rules = [new TagRule { Name = "broken", Tags = [] }] };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => sync.FullSyncAsync(Now.AddDays(1)));

        Assert.Contains("stored rules are invalid", error.Message, StringComparison.Ordinal);
        Assert.Contains("rules[0].tags", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, sync.Media.Written);
    }

    [Fact]
    public void Overlapping_incremental_reads_count_each_play_once()
    {
        var play = new WatchHistoryEntry("jellystat", SyncHarness.Jellyfin, "bob", "jf603", null, Now, Completed: true);
        var read = new ReadSnapshot(new SourceRef("jellystat", ServiceKind.Jellystat, SourceRole.WatchHistory), SyncMode.WatchChanges, Now, null, History: [play]);
        var sources = SyncedSources.Empty();

        sources.Apply(read);
        sources.Apply(read with { History = [play, play with { WatchedAt = Now.AddHours(1) }] });

        Assert.Equal(2, sources.ToSnapshot().History.Count);
    }

    [Fact]
    public async Task A_failed_statistics_source_makes_only_its_own_servers_items_unknown()
    {
        var sync = new SyncHarness();
        sync.AddMovie(603, "The Matrix", DaysAgo(40));
        await sync.FullSyncAsync(Now);
        Assert.Empty((await sync.Snapshots.LoadJsonAsync<RulesSnapshot>(LibraryEvaluation.LatestSources, CancellationToken.None)).Failures);

        // Only one Jellyfin is read this run, so a failed Jellystat is taken to record that one.
        await sync.IncrementalSyncAsync(Now.AddHours(1), [], statisticsFail: true);
        var latest = await sync.Library.LoadLatestAsync(CancellationToken.None);
        var failure = Assert.Single(latest!.Value.Library.Failures);
        Assert.Equal(("jellystat", ServiceKind.Jellystat, SyncHarness.Jellyfin), (failure.Source, failure.Kind, failure.MediaServer));
    }
}
