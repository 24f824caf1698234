using System.Net;
using System.Net.Http.Json;
using Cleanup.Testing.Azurite;
using static Cleanup.Server.Tests.EndToEnd.CleanupSite;

namespace Cleanup.Server.Tests.EndToEnd;

/// <summary>A keep pressed after the last sync still wins at the moment of deletion.</summary>
[Collection(AzuriteFixture.Collection)]
public sealed class KeepTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_keep_made_after_the_last_sync_stops_the_deletion_of_that_item_only()
    {
        await using var site = await StartAsync(azurite, (library, now) =>
        {
            library.AddMovie(603, "tt0133093", "The Matrix", 1999, now.AddDays(-40), 14 * GB);
            library.AddMovie(27205, "tt1375666", "Inception", 2010, now.AddDays(-40), 18 * GB);
        }, LiveDeletion());
        await site.RunAsync("/api/sync/full");
        site.Clock.Advance(TimeSpan.FromDays(14));
        await site.RunAsync("/api/sync/full"); // both are now due

        var keep = await site.Client.PostAsJsonAsync("/api/media/movie:tmdb:603/keep", new { reason = "rewatching" });
        Assert.Equal(HttpStatusCode.OK, keep.StatusCode);
        await site.RunAsync("/api/cleanup");

        Assert.Equal([2], site.MovieDeletes); // Inception (Radarr id 2) only
        Assert.DoesNotContain("movie:tmdb:603", await site.LeavingSoonAsync());
        Assert.False(site.Library.Movies.Single(m => m.TmdbId == 603).Deleted);
    }

    [Fact]
    public async Task Keeping_an_unknown_item_or_until_a_past_date_is_refused_and_changes_nothing()
    {
        await using var site = await StartAsync(azurite, (library, now) =>
            library.AddMovie(603, "tt0133093", "The Matrix", 1999, now.AddDays(-40), 14 * GB), LiveDeletion());
        await site.RunAsync("/api/sync/full");

        var unknown = await site.Client.PostAsJsonAsync("/api/media/movie:tmdb:1/keep", new { });
        var past = await site.Client.PostAsJsonAsync("/api/media/movie:tmdb:603/keep", new { until = site.Clock.GetUtcNow().AddDays(-1) });

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.Contains("until", await past.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(["movie:tmdb:603"], await site.LeavingSoonAsync());
    }
}
