using Cleanup.Engine.Deletion;

namespace Cleanup.Engine.Tests.Deletion;

/// <summary>A retried or resumed run acts at most once per item and leaves one complete audit line per item.</summary>
public sealed class IdempotencyTests
{
    [Fact]
    public async Task Running_the_same_run_again_acts_once_and_keeps_one_audit_line_per_item()
    {
        var h = new CleanupHarness();
        h.AllowDeletion();
        h.DueMovie(1, "The Matrix");
        h.DueMovie(2, "Heat");

        await h.RunAsync("run-7");
        h.Radarr.AddMovie(1, "The Matrix"); // even if the item showed up again, this run already settled it
        await h.RunAsync("run-7");

        Assert.Equal(2, h.Radarr.Calls.Count(c => c.StartsWith("delete movie", StringComparison.Ordinal)));
        Assert.Equal(2, h.Audit.All.Count);
        Assert.All(h.Audit.All, e => Assert.Equal(AuditOutcome.Deleted, e.Outcome));
    }

    [Fact]
    public async Task Interrupted_after_acting_the_resumed_run_confirms_with_the_service_instead_of_acting_again()
    {
        var h = new CleanupHarness();
        h.AllowDeletion();
        var matrix = h.DueMovie(1, "The Matrix");
        // The earlier attempt recorded its intent and deleted the movie, then the process died before the outcome.
        await h.Ledger.SaveAsync(new DeletionLedgerEntry(matrix.ItemId, "run-7", DeletionAction.Delete, CleanupHarness.Now), default);
        h.Radarr.Movies.Clear();

        var result = await h.RunAsync("run-7");

        Assert.Empty(h.Radarr.Calls);
        Assert.Equal(1, result.Deleted);
        var line = Assert.Single(h.Audit.All);
        Assert.Equal(AuditOutcome.Deleted, line.Outcome);
        Assert.Contains("interrupted", line.Reason, StringComparison.Ordinal);
        Assert.Equal(AuditOutcome.Deleted, (await h.Ledger.GetAsync(matrix.ItemId, default))!.Outcome);
    }

    [Fact]
    public async Task Interrupted_before_acting_the_resumed_run_acts_exactly_once()
    {
        var h = new CleanupHarness();
        h.AllowDeletion();
        var matrix = h.DueMovie(1, "The Matrix");
        await h.Ledger.SaveAsync(new DeletionLedgerEntry(matrix.ItemId, "run-7", DeletionAction.Delete, CleanupHarness.Now), default);

        await h.RunAsync("run-7");
        await h.RunAsync("run-7");

        Assert.Equal(["delete movie 1 files=True exclusion=False"], h.Radarr.Calls);
        Assert.Equal(AuditOutcome.Deleted, Assert.Single(h.Audit.All).Outcome);
    }

    [Fact]
    public async Task An_open_intent_that_cannot_be_confirmed_is_not_retried_blindly()
    {
        var h = new CleanupHarness();
        h.AllowDeletion();
        var matrix = h.DueMovie(1, "The Matrix");
        await h.Ledger.SaveAsync(new DeletionLedgerEntry(matrix.ItemId, "run-6", DeletionAction.Delete, CleanupHarness.Now), default);
        h.Radarr.ReadFails = true;

        var result = await h.RunAsync("run-7");

        Assert.Empty(h.Radarr.Calls);
        Assert.Equal(1, result.Failed);
        Assert.Null((await h.Ledger.GetAsync(matrix.ItemId, default))!.Outcome); // still open: asked again next time
        Assert.Equal(AuditOutcome.Failed, Assert.Single(h.Audit.All).Outcome);
    }

    [Fact]
    public async Task A_refused_delete_of_an_item_already_gone_counts_as_deleted()
    {
        var h = new CleanupHarness();
        h.AllowDeletion();
        h.DueMovie(1, "The Matrix");
        h.Radarr.Movies.Clear(); // someone deleted it by hand; Radarr answers 404
        h.Radarr.ChangeFailure = new InvalidOperationException("Radarr 'radarr': delete failed: HTTP 404");

        var result = await h.RunAsync();

        Assert.Equal(1, result.Deleted);
        Assert.Equal(AuditOutcome.Deleted, Assert.Single(h.Audit.All).Outcome);
    }

    [Fact]
    public async Task A_dry_run_leaves_no_intent_behind()
    {
        var h = new CleanupHarness();
        h.DueMovie(1, "The Matrix");

        await h.RunAsync();

        Assert.Empty(h.Ledger.All);
    }
}
