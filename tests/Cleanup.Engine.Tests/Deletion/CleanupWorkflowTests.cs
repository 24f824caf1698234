using Cleanup.Engine.Deletion;
using Cleanup.Engine.Jobs;
using Cleanup.Engine.Notifications;
using Cleanup.Engine.Sources;

namespace Cleanup.Engine.Tests.Deletion;

public sealed class CleanupWorkflowTests
{
    [Fact]
    public async Task By_default_nothing_is_deleted_and_the_dry_run_is_audited()
    {
        var h = new CleanupHarness();
        var matrix = h.DueMovie(1, "The Matrix", size: 8 * DeletionBudget.BytesPerGigabyte);
        h.DueMovie(2, "Heat", size: 4 * DeletionBudget.BytesPerGigabyte);

        var result = await h.RunAsync(actor: "user:anna");

        Assert.Equal(DeletionMode.DryRun, result.Mode);
        Assert.Empty(h.Radarr.Calls);
        Assert.Empty(h.Seerr.DeletedMedia);
        Assert.Equal(0, h.Jellyfin.Refreshes);
        Assert.Equal(2, result.WouldDelete);
        var page = await h.Audit.ReadAsync(1, 50, default);
        Assert.Equal(2, page.Total);
        Assert.All(page.Items, e => Assert.Equal(AuditOutcome.WouldDelete, e.Outcome));
        Assert.All(page.Items, e => Assert.True(e.DryRun));
        Assert.Equal(0, page.ReclaimedBytes);
        Assert.Equal(12 * DeletionBudget.BytesPerGigabyte, page.WouldReclaimBytes);
        var line = page.Items.Single(e => e.ItemId == matrix.ItemId);
        Assert.Equal("user:anna", line.Actor);
        Assert.Equal(matrix.Trace, line.Trace);
        Assert.Equal(matrix.Rule, line.Rule);
        Assert.Equal(8 * DeletionBudget.BytesPerGigabyte, line.SizeBytes);
        Assert.StartsWith("Dry run: would delete 2 items", h.Sender.Sent.Single(n => n.Kind == NotificationKind.Deleted).Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_both_switches_items_are_deleted_requests_reset_and_each_library_refreshed_once()
    {
        var h = new CleanupHarness();
        h.AllowDeletion();
        h.DueMovie(1, "The Matrix", exclusion: true);
        h.DueMovie(2, "Heat");

        var result = await h.RunAsync();

        Assert.Equal(DeletionMode.Live, result.Mode);
        Assert.Equal(["delete movie 1 files=True exclusion=True", "delete movie 2 files=True exclusion=False"], h.Radarr.Calls);
        Assert.Empty(h.Radarr.Movies);
        Assert.Equal([701, 702], h.Seerr.DeletedMedia.Order());
        Assert.Equal(1, h.Jellyfin.Refreshes);
        Assert.Equal(2, result.Deleted);
        Assert.Equal(4 * DeletionBudget.BytesPerGigabyte, result.ReclaimedBytes);
        var page = await h.Audit.ReadAsync(1, 50, default);
        Assert.All(page.Items, e => Assert.Equal(AuditOutcome.Deleted, e.Outcome));
        Assert.All(page.Items, e => Assert.False(e.DryRun));
        Assert.Equal(4 * DeletionBudget.BytesPerGigabyte, page.ReclaimedBytes);
        Assert.StartsWith("Deleted 2 items", h.Sender.Sent.Single(n => n.Kind == NotificationKind.Deleted).Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleted_items_leave_the_leaving_soon_collection()
    {
        var h = new CleanupHarness();
        h.AllowDeletion();
        var matrix = h.DueMovie(1, "The Matrix");
        h.LeavingSoon.Entries.Add(new LeavingSoonEntry(matrix.ItemId, "The Matrix", DeletionMediaType.Movie, 1, CleanupHarness.Now, CleanupHarness.Now, [new("jellyfin", "jf1")]));
        h.LeavingSoon.Entries.Add(new LeavingSoonEntry("movie:tmdb:9", "Alien", DeletionMediaType.Movie, 1, CleanupHarness.Now, CleanupHarness.Now.AddDays(3), [new("jellyfin", "jf9")]));

        await h.RunAsync();

        Assert.Equal(["jf9"], h.Jellyfin.Collections["Leaving Soon"]);
    }

    [Fact]
    public async Task The_budget_caps_the_number_of_items_and_audits_the_rest_as_skipped()
    {
        var h = new CleanupHarness();
        h.AllowDeletion();
        h.Options.MaxItemsPerRun = 2;
        for (var i = 1; i <= 4; i++)
        {
            h.DueMovie(i, $"Movie {i}", size: DeletionBudget.BytesPerGigabyte);
        }

        var result = await h.RunAsync();

        Assert.Equal(2, h.Radarr.Calls.Count);
        Assert.Equal(2, result.Deleted);
        Assert.Equal(2, result.Skipped);
        var skipped = h.Audit.All.Where(e => e.Outcome == AuditOutcome.Skipped).ToList();
        Assert.Equal(2, skipped.Count);
        Assert.All(skipped, e => Assert.Contains("budget of 2 item(s)", e.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_budget_caps_the_size_and_smaller_items_may_still_fit()
    {
        var h = new CleanupHarness();
        h.AllowDeletion();
        h.Options.MaxGigabytesPerRun = 10;
        h.DueMovie(1, "Six", size: 6 * DeletionBudget.BytesPerGigabyte);
        h.DueMovie(2, "Five", size: 5 * DeletionBudget.BytesPerGigabyte);
        h.DueMovie(3, "Three", size: 3 * DeletionBudget.BytesPerGigabyte);

        var result = await h.RunAsync();

        Assert.Equal(["delete movie 1 files=True exclusion=False", "delete movie 3 files=True exclusion=False"], h.Radarr.Calls);
        Assert.Equal(9 * DeletionBudget.BytesPerGigabyte, result.ReclaimedBytes);
        var five = h.Audit.All.Single(e => e.Title == "Five");
        Assert.Equal(AuditOutcome.Skipped, five.Outcome);
        Assert.Contains("budget of 10 GB", five.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_budget_applies_to_dry_runs_too_so_they_preview_a_real_run()
    {
        var h = new CleanupHarness();
        h.Options.MaxItemsPerRun = 1;
        h.DueMovie(1, "A");
        h.DueMovie(2, "B");

        var result = await h.RunAsync();

        Assert.Equal(1, result.WouldDelete);
        Assert.Equal(1, result.Skipped);
    }

    [Fact]
    public async Task A_failed_required_source_stops_every_deletion_and_says_why()
    {
        var h = new CleanupHarness();
        h.AllowDeletion();
        await h.Health.SaveAsync([CleanupHarness.Healthy("jellyfin", ServiceKind.Jellyfin, 100) with { LastOutcome = SourceOutcome.Failed, LastError = "timed out after 30s (4 attempts)" }], default);
        h.DueMovie(1, "The Matrix");
        h.DueMovie(2, "Heat");

        var result = await h.RunAsync();

        Assert.Empty(h.Radarr.Calls);
        Assert.Empty(h.Recheck.Asked);
        Assert.Equal(0, result.Deleted);
        Assert.Single(result.Anomalies);
        Assert.Contains("Jellyfin 'jellyfin' failed its last read: timed out", result.Anomalies[0], StringComparison.Ordinal);
        Assert.Contains(result.Errors, e => e.Contains("deletions stopped", StringComparison.Ordinal));
        Assert.All(h.Audit.All, e =>
        {
            Assert.Equal(AuditOutcome.Skipped, e.Outcome);
            Assert.Contains("Jellyfin 'jellyfin' failed its last read", e.Reason, StringComparison.Ordinal);
        });
        Assert.Equal(2, h.Audit.All.Count);
    }

    [Fact]
    public async Task A_source_returning_far_fewer_items_than_last_time_stops_every_deletion()
    {
        var h = new CleanupHarness();
        h.AllowDeletion();
        var previous = CleanupHarness.Healthy("radarr", ServiceKind.Radarr, 100);
        var drop = new Cleanup.Engine.Workflows.SourceSyncSummary(
            new("radarr", ServiceKind.Radarr, Cleanup.Engine.Workflows.SourceRole.Movies), Cleanup.Engine.Workflows.SyncMode.Full, SourceOutcome.Ok, 12, null, null, CleanupHarness.Now.AddMinutes(-5));
        await h.Health.SaveAsync([SourceHealthTracker.Apply(previous, drop, h.Options)], default);
        h.DueMovie(1, "The Matrix");

        var result = await h.RunAsync();

        Assert.Empty(h.Radarr.Calls);
        Assert.Contains("returned 12 items, fewer than 50% of the 100", Assert.Single(result.Anomalies), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_optional_source_failing_does_not_stop_deletions()
    {
        var h = new CleanupHarness();
        h.AllowDeletion();
        h.Options.OptionalSources.Add("jellyseerr");
        await h.Health.SaveAsync([CleanupHarness.Healthy("jellyseerr", ServiceKind.Jellyseerr, 5) with { LastOutcome = SourceOutcome.Failed, LastError = "HTTP 500" }], default);
        h.DueMovie(1, "The Matrix");

        var result = await h.RunAsync();

        Assert.Equal(1, result.Deleted);
    }

    [Fact]
    public async Task An_item_that_became_protected_is_skipped_with_the_reason()
    {
        var h = new CleanupHarness();
        h.AllowDeletion();
        var matrix = h.DueMovie(1, "The Matrix");
        h.DueMovie(2, "Heat");
        h.Recheck.Answers[matrix.ItemId] = RecheckResult.Protected("watched by anna since it was flagged");

        var result = await h.RunAsync();

        Assert.Equal(["delete movie 2 files=True exclusion=False"], h.Radarr.Calls);
        var line = h.Audit.All.Single(e => e.ItemId == matrix.ItemId);
        Assert.Equal(AuditOutcome.Skipped, line.Outcome);
        Assert.Equal("watched by anna since it was flagged", line.Reason);
        Assert.Equal(1, result.Skipped);
    }

    [Fact]
    public async Task A_recheck_that_cannot_read_is_unknown_and_skips_the_item()
    {
        var h = new CleanupHarness();
        h.AllowDeletion();
        var matrix = h.DueMovie(1, "The Matrix");
        h.Recheck.Throws.Add(matrix.ItemId);

        await h.RunAsync();

        Assert.Empty(h.Radarr.Calls);
        var line = h.Audit.All.Single();
        Assert.Equal(AuditOutcome.Skipped, line.Outcome);
        Assert.Contains("re-check failed", line.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Do_nothing_rules_never_reach_the_pipeline()
    {
        var h = new CleanupHarness();
        h.AllowDeletion();
        h.DueMovie(1, "Flag only", action: DeletionAction.DoNothing);

        var result = await h.RunAsync();

        Assert.Empty(h.Radarr.Calls);
        Assert.Empty(h.Audit.All);
        Assert.Equal(0, result.Due);
    }

    [Fact]
    public async Task Repeated_failures_stop_the_rest_of_the_run()
    {
        var h = new CleanupHarness();
        h.AllowDeletion();
        h.Options.StopAfterConsecutiveFailures = 2;
        for (var i = 1; i <= 4; i++)
        {
            h.DueMovie(i, $"Movie {i}");
        }

        h.Radarr.ChangeFailure = new InvalidOperationException("Radarr 'radarr': delete failed: HTTP 500");

        var result = await h.RunAsync();

        Assert.Equal(2, h.Radarr.Calls.Count);
        Assert.Equal(2, result.Failed);
        Assert.Equal(2, h.Audit.All.Count(e => e.Outcome == AuditOutcome.Skipped && e.Reason!.Contains("failed actions in a row", StringComparison.Ordinal)));
        Assert.Contains(result.Errors, e => e.Contains("stopped after 2 failed actions in a row", StringComparison.Ordinal));
    }
}
