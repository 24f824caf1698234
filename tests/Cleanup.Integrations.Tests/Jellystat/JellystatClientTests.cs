using System.Net;
using Cleanup.Engine.Sources;
using Cleanup.Fakes.Hosting;
using Cleanup.Fakes.History;
using Cleanup.Fakes.Jellyfin;
using Cleanup.Fakes.Jellystat;
using Cleanup.Fakes.Library;
using Cleanup.Integrations.Jellystat;
using static Cleanup.Integrations.Tests.Common.TestFaults;
using static Cleanup.Integrations.Tests.Common.TestServices;

namespace Cleanup.Integrations.Tests.Jellystat;

public sealed class JellystatClientTests : IAsyncLifetime
{
    private const string Key = "jellystat-secret-31f0";
    private readonly FakeLibrary library = FakeLibraries.Demo(TimeProvider.System);
    private FakeJellystat fake = null!;

    public async Task InitializeAsync()
    {
        fake = new FakeJellystat(library, Key);
        await fake.StartAsync();
    }

    public async Task DisposeAsync() => await fake.DisposeAsync();

    private JellystatClient Client(int pageSize = 3, int retries = 2, int timeout = 5, string? key = null) =>
        JellystatClient.Create(ServiceKind.Jellystat, OptionsFor(fake, "jellystat", retries, timeout, key), "jellyfin", TimeProvider.System, pageSize: pageSize);

    private int PlayCount()
    {
        lock (library.Sync)
        {
            return FakePlays.From(library).Count;
        }
    }

    [Fact]
    public async Task Lists_every_play_across_pages_with_jellyfin_ids()
    {
        using var client = Client(pageSize: 3);
        var history = await client.ListHistoryAsync(null, default);

        // Demo: alice 3x Matrix, bob Matrix, alice Inception, carol Interstellar, bob Arrival, alice Parasite (partial),
        // carol Budapest, alice 7 episodes, bob 1 episode = 17 plays in 15 groups (5 pages of 3).
        Assert.Equal(17, history.Count);
        Assert.Equal(PlayCount(), history.Count);
        Assert.True(fake.RequestCount >= 5);
        Assert.All(history, h =>
        {
            Assert.Equal("jellystat", h.Source);
            Assert.Equal("jellyfin", h.MediaServer);
            Assert.False(h.Completed);
            Assert.Matches("^[0-9a-f]{32}$", h.ItemId);
        });

        var matrix = history.Where(h => h.ItemId == FakeKeys.JellyfinId(FakeKeys.Movie(603))).ToList();
        Assert.Equal(3, matrix.Count(h => h.UserName == "alice"));
        Assert.Single(matrix, h => h.UserName == "bob");
        Assert.All(matrix, h => Assert.Null(h.SeriesItemId));
        Assert.All(matrix, h => Assert.Equal(TimeSpan.FromSeconds(FakePlays.MovieRuntimeSeconds), h.PlayedFor));
        Assert.Equal(FakeJellyfin.UserId("bob"), matrix.Single(h => h.UserName == "bob").UserId);
        var lastPlayed = library.Watches.Single(w => w.User == "bob" && w.ItemKey == FakeKeys.Movie(603)).LastPlayed!.Value;
        Assert.Equal(lastPlayed.ToUnixTimeMilliseconds(), matrix.Single(h => h.UserName == "bob").WatchedAt.ToUnixTimeMilliseconds());

        // Episodes: the item is the episode, the series id comes from NowPlayingItemId.
        var episode = history.Single(h => h.ItemId == FakeKeys.JellyfinId(FakeKeys.Episode(280619, 1, 1)));
        Assert.Equal(FakeKeys.JellyfinId(FakeKeys.Series(280619)), episode.SeriesItemId);
        Assert.Equal("bob", episode.UserName);

        var partial = history.Single(h => h.ItemId == FakeKeys.JellyfinId(FakeKeys.Movie(496243)));
        Assert.Equal(TimeSpan.FromHours(1), partial.PlayedFor);
    }

    [Fact]
    public async Task Since_keeps_only_recent_plays_and_stops_paging_early()
    {
        var since = TimeProvider.System.GetUtcNow().AddDays(-19);
        using var client = Client(pageSize: 2);
        var recent = await client.ListHistoryAsync(since, default);

        lock (library.Sync)
        {
            Assert.Equal(FakePlays.From(library).Count(p => p.StartedAt >= since), recent.Count);
        }

        Assert.NotEmpty(recent);
        Assert.All(recent, h => Assert.True(h.WatchedAt >= since));
        Assert.True(fake.RequestCount < 8, $"{fake.RequestCount} requests: paging did not stop at 'since'");
    }

    [Fact]
    public async Task Item_history_covers_a_movie_or_every_episode_of_a_series()
    {
        using var client = Client(pageSize: 2);
        var matrix = await client.ListItemHistoryAsync(FakeKeys.JellyfinId(FakeKeys.Movie(603)), default);
        Assert.Equal(4, matrix.Count);

        var breakingBad = await client.ListItemHistoryAsync(FakeKeys.JellyfinId(FakeKeys.Series(81189)), default);
        Assert.Equal(7, breakingBad.Count);
        Assert.All(breakingBad, h => Assert.Equal(FakeKeys.JellyfinId(FakeKeys.Series(81189)), h.SeriesItemId));
        Assert.All(fake.Calls, c => Assert.Contains("itemid", c.Body));
    }

    [Fact]
    public async Task Probe_reports_reachable_and_a_wrong_key_as_403()
    {
        using var client = Client();
        Assert.True((await client.ProbeAsync(default)).Reachable);

        using var wrong = Client(key: "wrong-jellystat-key");
        var status = await wrong.ProbeAsync(default);
        Assert.False(status.Reachable);
        Assert.Contains("403", status.Error);
        Assert.DoesNotContain("wrong-jellystat-key", status.Error);
    }

    [Fact]
    public async Task No_key_is_401_and_a_wrong_key_is_403_and_neither_is_retried()
    {
        using var http = new HttpClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(fake.BaseUrl + "/api/getHistory")).StatusCode);

        using var client = Client(retries: 3, key: "nope-nope-nope");
        var ex = await Assert.ThrowsAsync<SourceReadException>(() => client.ListHistoryAsync(null, default));
        Assert.Contains("403", ex.Reason);
        Assert.Equal(2, fake.RequestCount);
        AssertNoSecret(ex, "nope-nope-nope");
    }

    [Theory]
    [MemberData(nameof(ReadFaults), MemberType = typeof(Common.TestFaults))]
    public async Task A_failing_read_throws_and_never_returns_a_partial_history(Fault fault)
    {
        var (retries, timeout) = BudgetFor(fault);
        using var client = Client(pageSize: 4, retries: retries, timeout: timeout);
        Apply(fake, fault);

        var history = await Assert.ThrowsAsync<SourceReadException>(() => client.ListHistoryAsync(null, default));
        var item = await Assert.ThrowsAsync<SourceReadException>(() => client.ListItemHistoryAsync(FakeKeys.JellyfinId(FakeKeys.Series(81189)), default));
        Assert.Equal(ServiceKind.Jellystat, history.Kind);
        AssertNoSecret(history, Key);
        AssertNoSecret(item, Key);
    }

    [Fact]
    public async Task Server_errors_are_retried_until_the_server_recovers()
    {
        fake.Faults.Current = Fault.ServerError;
        fake.Faults.FailFirst = 1;
        using var client = Client(pageSize: 100, retries: 2);
        Assert.Equal(PlayCount(), (await client.ListHistoryAsync(null, default)).Count);
    }

    [Fact]
    public async Task A_play_without_a_usable_date_fails_the_read_and_names_the_row()
    {
        lock (library.Sync)
        {
            library.Watch("bob", FakeKeys.Movie(438631), DateTimeOffset.MinValue, playCount: 1);
        }

        using var client = Client(pageSize: 50);
        var ex = await Assert.ThrowsAsync<SourceReadException>(() => client.ListHistoryAsync(null, default));
        Assert.Contains("ActivityDateInserted", ex.Reason);
        var issue = Assert.Single(client.DataIssues.Snapshot());
        Assert.StartsWith("0001-01-01", issue.RawValue);
    }

    [Fact]
    public void Create_refuses_other_kinds_and_a_missing_media_server()
    {
        var options = OptionsFor(fake, "x");
        Assert.Throws<ArgumentOutOfRangeException>(() => JellystatClient.Create(ServiceKind.Tautulli, options, "jellyfin", TimeProvider.System));
        Assert.Throws<ArgumentException>(() => JellystatClient.Create(ServiceKind.Jellystat, options, " ", TimeProvider.System));
    }
}
