using Cleanup.Fakes.Hosting;
using Cleanup.Fakes.Library;
using Cleanup.Testing.Azurite;
using static Cleanup.Server.Tests.EndToEnd.CleanupSite;

namespace Cleanup.Server.Tests.EndToEnd;

/// <summary>Issue 6's "done when", against the real self-host, Azurite and fake services on loopback.</summary>
[Collection(AzuriteFixture.Collection)]
public sealed class DeletionFlowTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Grace = TimeSpan.FromDays(14);

    [Fact]
    public async Task Items_flow_into_leaving_soon_and_are_deleted_only_after_the_grace_period()
    {
        await using var site = await StartAsync(azurite, (library, now) =>
        {
            library.AddMovie(603, "tt0133093", "The Matrix", 1999, now.AddDays(-40), 14 * GB);
            library.AddMovie(27205, "tt1375666", "Inception", 2010, now.AddDays(-40), 18 * GB);
            library.AddMovie(438631, "tt1160419", "Dune", 2021, now.AddDays(-3), 26 * GB);
        }, LiveDeletion());

        await site.RunAsync("/api/sync/full");
        Assert.Equal(["movie:tmdb:27205", "movie:tmdb:603"], await site.LeavingSoonAsync());
        Assert.Equal("Completed", (string?)(await site.RunAsync("/api/cleanup"))["status"]);
        Assert.Empty(site.MovieDeletes);

        // A day before the grace period ends: still only shown.
        site.Clock.Advance(Grace - TimeSpan.FromDays(1));
        await site.RunAsync("/api/sync/full");
        await site.RunAsync("/api/cleanup");
        Assert.Empty(site.MovieDeletes);
        Assert.Empty(await site.AuditAsync());

        site.Clock.Advance(TimeSpan.FromDays(1));
        await site.RunAsync("/api/sync/full");
        var cleanup = await site.RunAsync("/api/cleanup");

        Assert.Equal("Completed", (string?)cleanup["status"]);
        Assert.Equal([1, 2], site.MovieDeletes.Order());
        var audit = await site.GetAsync("/api/deletions");
        Assert.Equal(32 * GB, (long)audit["reclaimedBytes"]!);
        var lines = audit["items"]!.AsArray();
        Assert.Equal(["movie:tmdb:27205", "movie:tmdb:603"], lines.Select(l => (string)l!["itemId"]!).Order());
        Assert.All(lines, l =>
        {
            Assert.Equal(("deleted", false, "user:anonymous"), ((string?)l!["outcome"], (bool)l["dryRun"]!, (string?)l["actor"]));
            Assert.NotEmpty(l["trace"]!.AsArray());
        });

        // Run again before any sync: the ledger knows they are done. The next sync drops them, and Dune, 17 days
        // old by now, enters leaving soon for its own grace period.
        await site.RunAsync("/api/cleanup");
        Assert.Equal([1, 2], site.MovieDeletes.Order());
        await site.RunAsync("/api/sync/full");
        Assert.Equal(["movie:tmdb:438631"], await site.LeavingSoonAsync());
        Assert.False(site.Library.Movies.Single(m => m.TmdbId == 438631).Deleted);
    }

    [Fact]
    public async Task A_failing_source_stops_every_deletion_and_the_job_says_why()
    {
        await using var site = await StartAsync(azurite, (library, now) =>
        {
            library.AddMovie(603, "tt0133093", "The Matrix", 1999, now.AddDays(-40), 14 * GB);
            library.AddSeries(81189, 1396, "tt0903747", "Breaking Bad", 2008, now.AddDays(-10), "ended")
                .AddEpisode(1, 1, "Pilot", now.AddYears(-15), 2 * GB, now.AddDays(-10));
        }, LiveDeletion(), withSonarr: true);
        await site.RunAsync("/api/sync/full");
        site.Clock.Advance(Grace);

        site.Sonarr!.Faults.Current = Fault.ServerError;
        var sync = await site.RunAsync("/api/sync/full");
        var sonarr = sync["sources"]!.AsArray().Single(s => (string?)s!["name"] == "sonarr")!;
        Assert.Equal("failed", (string?)sonarr["outcome"]);
        Assert.Contains("500", (string?)sonarr["error"], StringComparison.Ordinal);

        var cleanup = await site.RunAsync("/api/cleanup");

        Assert.Empty(site.MovieDeletes);
        Assert.Contains(cleanup["errors"]!.AsArray(), e => ((string)e!).Contains("deletions stopped", StringComparison.Ordinal)
                                                           && ((string)e!).Contains("Sonarr 'sonarr'", StringComparison.Ordinal));
        var line = Assert.Single(await site.AuditAsync());
        Assert.Equal(("movie:tmdb:603", "skipped"), ((string?)line!["itemId"], (string?)line["outcome"]));
        Assert.Contains("failed its last read", (string?)line["reason"], StringComparison.Ordinal);

        // Once the source answers again, the same item goes.
        site.Sonarr.Faults.Current = Fault.None;
        await site.RunAsync("/api/sync/full");
        await site.RunAsync("/api/cleanup");
        Assert.Equal([1], site.MovieDeletes);
    }

    [Fact]
    public async Task A_failing_media_server_stops_deletions_at_the_last_moment_and_at_the_next_sync()
    {
        await using var site = await StartAsync(azurite, (library, now) =>
        {
            library.Users.Add(new FakeUser("alice"));
            library.AddMovie(603, "tt0133093", "The Matrix", 1999, now.AddDays(-40), 14 * GB);
        }, LiveDeletion(), withJellyfin: true);
        await site.RunAsync("/api/sync/full");
        site.Clock.Advance(Grace);
        await site.RunAsync("/api/sync/full");
        Assert.Equal("Due", (string?)(await site.GetAsync("/api/media/movie:tmdb:603"))["status"]);

        // Jellyfin breaks after the sync: the re-check right before deleting cannot read it, so the item waits.
        site.Jellyfin!.Faults.Current = Fault.ServerError;
        await site.RunAsync("/api/cleanup");
        Assert.Empty(site.MovieDeletes);
        var line = Assert.Single(await site.AuditAsync());
        Assert.Equal("skipped", (string?)line!["outcome"]);
        Assert.Contains("Jellyfin 'jellyfin' could not be read", (string?)line["reason"], StringComparison.Ordinal);

        // The next sync cannot read it either: its watch data is unknown (the item is kept, not unwatched) and the
        // next cleanup stops, saying why.
        var sync = await site.RunAsync("/api/sync/full");
        Assert.Equal("failed", (string?)sync["sources"]!.AsArray().Single(s => (string?)s!["name"] == "jellyfin")!["outcome"]);
        var matrix = await site.GetAsync("/api/media/movie:tmdb:603");
        Assert.Equal("Kept", (string?)matrix["status"]);
        Assert.Contains(matrix["explanation"]!.AsArray(), e => ((string)e!).Contains("unknown", StringComparison.OrdinalIgnoreCase));
        var cleanup = await site.RunAsync("/api/cleanup");
        Assert.Contains(cleanup["errors"]!.AsArray(), e => ((string)e!).Contains("deletions stopped: Jellyfin 'jellyfin' failed its last read", StringComparison.Ordinal));
        Assert.Empty(site.MovieDeletes);
    }

    [Fact]
    public async Task The_budget_caps_a_run_and_the_rest_waits_for_the_next()
    {
        await using var site = await StartAsync(azurite, (library, now) =>
        {
            library.AddMovie(603, "tt0133093", "The Matrix", 1999, now.AddDays(-40), 14 * GB);
            library.AddMovie(27205, "tt1375666", "Inception", 2010, now.AddDays(-40), 18 * GB);
            library.AddMovie(157336, "tt0816692", "Interstellar", 2014, now.AddDays(-40), 24 * GB);
        }, LiveDeletion(("Deletion:MaxItemsPerRun", "1")));
        await site.RunAsync("/api/sync/full");
        site.Clock.Advance(Grace);
        await site.RunAsync("/api/sync/full");

        var cleanup = await site.RunAsync("/api/cleanup");

        Assert.Single(site.MovieDeletes);
        Assert.Contains(cleanup["errors"]!.AsArray(), e => ((string)e!).Contains("over the run's budget", StringComparison.Ordinal));
        var audit = await site.AuditAsync();
        Assert.Equal(["deleted", "skipped", "skipped"], audit.Select(l => (string)l!["outcome"]!).Order());
        Assert.All(audit.Where(l => (string?)l!["outcome"] == "skipped"), l => Assert.Contains("budget of 1 item", (string?)l!["reason"], StringComparison.Ordinal));

        await site.RunAsync("/api/cleanup");
        Assert.Equal(2, site.MovieDeletes.Distinct().Count());
        Assert.Equal(2, site.MovieDeletes.Count);
    }

    [Fact]
    public async Task Two_concurrent_triggers_run_once_and_the_second_names_the_running_job()
    {
        await using var site = await StartAsync(azurite, (library, now) =>
            library.AddMovie(603, "tt0133093", "The Matrix", 1999, now.AddDays(-40), 14 * GB));
        site.Radarr.Faults.SlowDelay = TimeSpan.FromSeconds(2);
        site.Radarr.Faults.Current = Fault.Slow; // the first run is still reading when the second trigger arrives

        var responses = await Task.WhenAll(site.Client.PostAsync("/api/sync/full", null), site.Client.PostAsync("/api/sync/full", null));

        Assert.Equal([202, 409], responses.Select(r => (int)r.StatusCode).Order());
        var accepted = System.Text.Json.Nodes.JsonNode.Parse(await responses.Single(r => (int)r.StatusCode == 202).Content.ReadAsStringAsync())!;
        var conflict = System.Text.Json.Nodes.JsonNode.Parse(await responses.Single(r => (int)r.StatusCode == 409).Content.ReadAsStringAsync())!;
        Assert.Equal((string?)accepted["jobId"], (string?)conflict["jobId"]);

        site.Radarr.Faults.Current = Fault.None;
        Assert.Equal("Completed", (string?)(await site.WaitForJobAsync((string)accepted["jobId"]!))["status"]);
        Assert.Single((await site.GetAsync("/api/jobs/" + (string)accepted["jobId"]!))["sources"]!.AsArray());
        Assert.Equal(1, (await site.Client.GetFromJsonArrayCountAsync("/api/jobs")));
    }
}

internal static class HttpClientJson
{
    public static async Task<int> GetFromJsonArrayCountAsync(this HttpClient client, string path) =>
        System.Text.Json.Nodes.JsonNode.Parse(await client.GetStringAsync(path))!.AsArray().Count;
}
