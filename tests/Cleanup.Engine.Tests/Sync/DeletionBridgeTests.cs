using Cleanup.Engine.Deletion;
using Cleanup.Engine.Deletion.InMemory;
using Cleanup.Engine.Jobs;
using Cleanup.Engine.Jobs.InMemory;
using Cleanup.Engine.Ports;
using Cleanup.Engine.Sync;
using Cleanup.Engine.Tests.Workflows.Support;
using static Cleanup.Engine.Tests.TestData;

namespace Cleanup.Engine.Tests.Sync;

/// <summary>What the deletion pipeline is handed (due items, leaving soon) and the rules' re-check right before acting.</summary>
public sealed class DeletionBridgeTests
{
    private const string Matrix = "movie:tmdb:603";
    private static readonly DateTimeOffset DueAt = Now.AddDays(14);

    [Fact]
    public async Task A_keep_pressed_after_the_last_sync_still_protects_at_deletion_time()
    {
        var (sync, candidate) = await DueMatrixAsync();
        var recheck = new StoredProtectionRecheck(sync.Keeps, sync.Media, new ManualTimeProvider(DueAt));
        Assert.Equal(RecheckStatus.StillDue, (await recheck.RecheckAsync(candidate, CancellationToken.None)).Status);

        await sync.Keeps.SetAsync(new ManualKeep(Matrix, null, null, "alice", DueAt), CancellationToken.None);
        var result = await recheck.RecheckAsync(candidate, CancellationToken.None);

        Assert.Equal(RecheckStatus.Protected, result.Status);
        Assert.Contains("alice", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_postponement_no_longer_protects()
    {
        var (sync, candidate) = await DueMatrixAsync();
        await sync.Keeps.SetAsync(new ManualKeep(Matrix, DueAt.AddDays(-1), null, "bob", Now), CancellationToken.None);

        var result = await new StoredProtectionRecheck(sync.Keeps, sync.Media, new ManualTimeProvider(DueAt)).RecheckAsync(candidate, CancellationToken.None);

        Assert.Equal(RecheckStatus.StillDue, result.Status);
    }

    [Fact]
    public async Task An_item_whose_stored_decision_changed_or_vanished_is_not_acted_on()
    {
        var (sync, candidate) = await DueMatrixAsync();
        var recheck = new StoredProtectionRecheck(sync.Keeps, sync.Media, new ManualTimeProvider(DueAt));

        var record = await sync.RecordAsync(Matrix);
        await sync.Media.ApplyChangesAsync([record with { Status = "NotDue", DeletionDate = null }], [], CancellationToken.None);
        Assert.Equal(RecheckStatus.Protected, (await recheck.RecheckAsync(candidate, CancellationToken.None)).Status);

        await sync.Media.ApplyChangesAsync([], [Matrix], CancellationToken.None);
        Assert.Equal(RecheckStatus.Gone, (await recheck.RecheckAsync(candidate, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task An_item_already_acted_on_is_not_handed_out_again_until_it_comes_back()
    {
        var (sync, _) = await DueMatrixAsync();
        var due = new DueItems(sync.Media, sync.Library, sync.Ledger);

        // Interrupted (intent without outcome): handed out again, so the pipeline can settle it.
        await sync.Ledger.SaveAsync(new DeletionLedgerEntry(Matrix, "run-a", DeletionAction.Delete, DueAt), CancellationToken.None);
        Assert.Single(await due.ListDueAsync(DueAt, CancellationToken.None));

        await sync.Ledger.SaveAsync(new DeletionLedgerEntry(Matrix, "run-a", DeletionAction.Delete, DueAt, AuditOutcome.Deleted, null, DueAt), CancellationToken.None);
        Assert.Empty(await due.ListDueAsync(DueAt, CancellationToken.None));

        // Downloaded again after the deletion: a new file, a new decision.
        var record = await sync.RecordAsync(Matrix);
        await sync.Media.ApplyChangesAsync([record with { AddedAt = DueAt.AddDays(1) }], [], CancellationToken.None);
        Assert.Single(await due.ListDueAsync(DueAt, CancellationToken.None));
    }

    [Fact]
    public async Task An_item_done_but_not_yet_audited_gets_its_audit_line_from_the_ledger()
    {
        var (sync, candidate) = await DueMatrixAsync();
        var audit = new InMemoryAuditLog();
        var jobs = new InMemoryJobStore();
        await jobs.SaveAsync(new Job("run-a", JobKind.Cleanup, JobStatus.Failed, JobTrigger.User, DueAt, DueAt, null, [], []) { Actor = "user:alice" }, CancellationToken.None);

        // The process stopped after the ledger recorded the deletion and before the audit did.
        await sync.Ledger.SaveAsync(new DeletionLedgerEntry(Matrix, "run-a", DeletionAction.Delete, DueAt, AuditOutcome.Deleted, null, DueAt.AddSeconds(1)), CancellationToken.None);
        var due = new DueItems(sync.Media, sync.Library, sync.Ledger, audit, jobs);
        Assert.Empty(await due.ListDueAsync(DueAt, CancellationToken.None));
        Assert.Empty(await due.ListDueAsync(DueAt, CancellationToken.None));

        var line = Assert.Single(audit.All);
        Assert.Equal(
            ("run-a:" + Matrix, "run-a", AuditOutcome.Deleted, "user:alice", DueAt.AddSeconds(1), candidate.SizeBytes, false),
            (line.Id, line.RunId, line.Outcome, line.Actor, line.At, line.SizeBytes, line.DryRun));
        Assert.Equal(candidate.Trace, line.Trace);
    }

    [Fact]
    public async Task Leaving_soon_lists_flagged_items_with_their_media_server_ids()
    {
        var sync = new SyncHarness();
        sync.AddMovie(603, "The Matrix", DaysAgo(40));
        sync.AddMovie(27205, "Inception", DaysAgo(1));
        await sync.FullSyncAsync(Now);

        var entry = Assert.Single(await new LeavingSoonFromStore(sync.Media, sync.Library).ListAsync(Now, CancellationToken.None));

        Assert.Equal((Matrix, Now, DueAt, DeletionMediaType.Movie), (entry.ItemId, entry.FlaggedAt, entry.DeletionDate, entry.MediaType));
        Assert.Equal([new MediaServerTarget(SyncHarness.Jellyfin, SyncHarness.ServerId(603))], entry.MediaServerItems);
    }

    [Theory]
    [InlineData("series:tvdb:1", "episode:tvdb:1:s01e02", true)] // a kept show keeps its episodes
    [InlineData("season:tvdb:1:s01", "episode:tvdb:1:s01e02", true)]
    [InlineData("episode:tvdb:1:s01e02", "series:tvdb:1", true)] // deleting the show would delete the kept episode
    [InlineData("episode:tvdb:1:s01e02", "season:tvdb:1:s01", true)]
    [InlineData("season:tvdb:1:s01", "season:tvdb:1:s02", false)]
    [InlineData("season:tvdb:1:s10", "episode:tvdb:1:s100e01", false)]
    [InlineData("episode:tvdb:1:s01e02", "episode:tvdb:1:s01e03", false)]
    [InlineData("series:tvdb:1", "series:tvdb:2", false)]
    [InlineData("series:tvdb:1", "episode:tmdb:1:s01e01", false)]
    [InlineData("movie:tmdb:1", "movie:tmdb:1", true)]
    [InlineData("movie:tmdb:1", "movie:tmdb:10", false)]
    public void Keeps_cover_their_family(string kept, string item, bool covers) =>
        Assert.Equal(covers, ItemFamily.Covers(kept, item));

    private static async Task<(SyncHarness Sync, DeletionCandidate Candidate)> DueMatrixAsync()
    {
        var sync = new SyncHarness();
        sync.AddMovie(603, "The Matrix", DaysAgo(40));
        await sync.FullSyncAsync(Now);
        await sync.FullSyncAsync(DueAt);
        var candidate = Assert.Single(await new DueItems(sync.Media, sync.Library, sync.Ledger).ListDueAsync(DueAt, CancellationToken.None));
        return (sync, candidate);
    }
}
