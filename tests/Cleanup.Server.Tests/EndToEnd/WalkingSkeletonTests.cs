using Cleanup.Testing.Azurite;
using static Cleanup.Server.Tests.EndToEnd.CleanupSite;

namespace Cleanup.Server.Tests.EndToEnd;

[Collection(AzuriteFixture.Collection)]
public sealed class WalkingSkeletonTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_radarr_alone_is_enough_for_the_leaving_soon_list()
    {
        await using var site = await StartAsync(azurite, (library, now) =>
        {
            library.AddMovie(603, "tt0133093", "The Matrix", 1999, now.AddDays(-40), 14 * GB); // overdue
            library.AddMovie(27205, "tt1375666", "Inception", 2010, now.AddDays(-20), 18 * GB); // due in 10 days
            library.AddMovie(438631, "tt1160419", "Dune", 2021, now.AddDays(-3), 26 * GB); // due in 27 days
            library.AddMovie(129, "tt0245429", "Spirited Away", 2001, now.AddDays(-90), 6 * GB, "keep");
        });

        var job = await site.RunAsync("/api/sync/full");

        Assert.Equal("Completed", (string?)job["status"]);
        var radarr = Assert.Single(job["sources"]!.AsArray());
        Assert.Equal(("radarr", "ok", 4), ((string?)radarr!["name"], (string?)radarr["outcome"], (int)radarr["items"]!));

        var list = await site.GetAsync("/api/media/leaving-soon");
        var items = list["items"]!.AsArray();
        Assert.Equal(["movie:tmdb:27205", "movie:tmdb:603"], items.Select(i => (string)i!["id"]!));
        Assert.All(items, i => Assert.Equal(14, (int)i!["daysLeft"]!)); // both shown for the whole grace period
        Assert.Equal(32 * GB, (long)list["totalSizeBytes"]!);
        Assert.True((bool)list["dryRun"]!);
    }
}
