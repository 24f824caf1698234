using Cleanup.Engine.Sources;
using Cleanup.Fakes.Jellyfin;
using Cleanup.Fakes.Library;
using Cleanup.Integrations.Jellyfin;
using static Cleanup.Integrations.Tests.Common.TestServices;

namespace Cleanup.Integrations.Tests.Jellyfin;

public sealed class JellyfinLargeLibraryTests
{
    [Fact]
    public async Task A_generated_library_is_read_completely_with_every_users_plays()
    {
        var library = FakeLibraries.Generate(TimeProvider.System, movies: 1200, series: 10, episodesPerSeries: 12, users: 3);
        await using var fake = new FakeJellyfin(library, "large-key");
        await fake.StartAsync();
        using var client = JellyfinClient.Create(ServiceKind.Jellyfin, OptionsFor(fake, "jellyfin"), TimeProvider.System, pageSize: 250);

        var items = await client.ListItemsAsync(default);
        Assert.Equal(1200 + 10 + 120, items.Count);
        Assert.Equal(items.Count, items.Select(i => i.ItemId).Distinct().Count());

        foreach (var user in await client.ListUsersAsync(default))
        {
            var states = await client.ListWatchStateAsync(user, null, default);
            var expected = library.Watches.Where(w => w.User == user.Name && w.Played).Select(w => FakeKeys.JellyfinId(w.ItemKey)).ToHashSet();
            var played = states.Where(s => s.Played && items.Single(i => i.ItemId == s.ItemId).Type != MediaServerItemType.Series).Select(s => s.ItemId).ToHashSet();
            Assert.Equal(expected.Order(), played.Order());
        }
    }
}
