using Cleanup.Fakes.Hosting;
using Cleanup.Testing.Azurite;
using static Cleanup.Server.Tests.EndToEnd.CleanupSite;

namespace Cleanup.Server.Tests.EndToEnd;

[Collection(AzuriteFixture.Collection)]
public sealed class RestartTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_cleanup_cut_off_by_a_restart_acts_on_each_item_at_most_once_and_leaves_a_complete_audit()
    {
        await using var site = await StartAsync(azurite, (library, now) =>
        {
            library.AddMovie(603, "tt0133093", "The Matrix", 1999, now.AddDays(-40), 14 * GB);
            library.AddMovie(27205, "tt1375666", "Inception", 2010, now.AddDays(-40), 18 * GB);
            library.AddMovie(157336, "tt0816692", "Interstellar", 2014, now.AddDays(-40), 24 * GB);
        }, LiveDeletion());
        await site.RunAsync("/api/sync/full");
        site.Clock.Advance(TimeSpan.FromDays(14));
        await site.RunAsync("/api/sync/full");

        // Radarr answers each DELETE only after a while: stop the process once the first one went through, while
        // the next is in flight (or about to be).
        site.Radarr.Faults.SlowDelay = TimeSpan.FromSeconds(1.5);
        site.Radarr.Faults.Current = Fault.Slow;
        var interrupted = await site.StartJobAsync("/api/cleanup");
        for (var i = 0; i < 400 && site.MovieDeletes.Count == 0; i++)
        {
            await Task.Delay(20);
        }

        Assert.Single(site.MovieDeletes);
        await site.StopHostAsync();
        Assert.Single(site.MovieDeletes);

        site.Radarr.Faults.Current = Fault.None;
        await site.RestartAsync();
        var resumed = await site.RunAsync("/api/cleanup");

        Assert.Equal("Completed", (string?)resumed["status"]);
        Assert.Equal([1, 2, 3], site.MovieDeletes.Order()); // every movie exactly once, across both processes
        var audit = await site.AuditAsync();
        foreach (var movie in new[] { "movie:tmdb:603", "movie:tmdb:27205", "movie:tmdb:157336" })
        {
            Assert.Single(audit, l => (string?)l!["itemId"] == movie && (string?)l["outcome"] == "deleted");
        }

        var first = (await site.GetAsync("/api/jobs/" + interrupted));
        Assert.Equal("Failed", (string?)first["status"]);
    }
}
