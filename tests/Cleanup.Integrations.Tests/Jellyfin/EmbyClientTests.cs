using Cleanup.Engine.Sources;
using Cleanup.Fakes.Jellyfin;
using Cleanup.Fakes.Library;
using Cleanup.Integrations.Jellyfin;
using static Cleanup.Integrations.Tests.Common.TestServices;

namespace Cleanup.Integrations.Tests.Jellyfin;

public sealed class EmbyClientTests : IAsyncLifetime
{
    private const string Key = "emby-secret-key-5e2a";
    private readonly FakeLibrary library = FakeLibraries.Demo(TimeProvider.System);
    private FakeJellyfin fake = null!;

    public async Task InitializeAsync()
    {
        fake = new FakeJellyfin(library, Key, emby: true);
        await fake.StartAsync();
    }

    public async Task DisposeAsync() => await fake.DisposeAsync();

    private JellyfinClient Client(string? url = null) =>
        JellyfinClient.Create(ServiceKind.Emby, OptionsFor(fake, "emby", url: url), TimeProvider.System, pageSize: 9);

    [Fact]
    public async Task Emby_serves_under_its_url_base()
    {
        Assert.EndsWith("/emby", fake.BaseUrl);
        using var client = Client();
        var status = await client.ProbeAsync(default);
        Assert.True(status.Reachable, status.Error);
        Assert.Equal("4.8.10.0", status.Version);
        Assert.Equal(ServiceKind.Emby, client.Kind);
    }

    [Fact]
    public async Task The_client_adds_the_emby_url_base_when_only_the_host_is_configured()
    {
        using var client = Client(url: fake.BaseUrl[..^"/emby".Length]);
        var users = await client.ListUsersAsync(default);
        Assert.Equal(3, users.Count);
    }

    [Fact]
    public async Task Users_come_from_users_query_and_watch_state_is_per_user()
    {
        using var client = Client();
        var users = await client.ListUsersAsync(default);
        Assert.Equal(["alice", "bob", "carol"], users.Select(u => u.Name));

        var items = await client.ListItemsAsync(default);
        Assert.Equal(54, items.Count);
        Assert.All(items, i => Assert.Equal("emby", i.Server));

        var alice = await client.ListWatchStateAsync(users[0], null, default);
        Assert.True(alice.Single(s => s.ItemId == FakeKeys.JellyfinId(FakeKeys.Movie(603))).Played);
        Assert.Equal(54, alice.Count);
    }

    [Fact]
    public async Task The_key_travels_as_x_emby_token()
    {
        // The Jellyfin Authorization header is not accepted by the Emby fake, so success proves the header.
        using var client = Client();
        await client.RefreshLibraryAsync(default);
        Assert.Equal("/emby/Library/Refresh", Assert.Single(fake.Calls).Path);

        using var wrong = JellyfinClient.Create(ServiceKind.Emby, OptionsFor(fake, "emby", apiKey: "bad-emby-key"), TimeProvider.System);
        var ex = await Assert.ThrowsAsync<SourceReadException>(() => wrong.ListUsersAsync(default));
        Assert.Contains("401", ex.Reason);
        AssertNoSecret(ex, "bad-emby-key");
    }

    [Fact]
    public async Task Collections_sync_on_emby_too()
    {
        using var client = Client();
        var ids = new[] { FakeKeys.JellyfinId(FakeKeys.Movie(603)), FakeKeys.JellyfinId(FakeKeys.Series(81189)) };
        await client.SyncCollectionAsync("Leaving soon", ids, default);
        await client.SyncCollectionAsync("Leaving soon", ids[..1], default);
        Assert.Equal(ids[..1], fake.Collections["Leaving soon"]);
    }
}
