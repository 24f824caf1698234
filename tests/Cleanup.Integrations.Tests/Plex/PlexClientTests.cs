using System.Net;
using Cleanup.Engine.Sources;
using Cleanup.Fakes.Hosting;
using Cleanup.Fakes.Library;
using Cleanup.Fakes.Plex;
using Cleanup.Integrations.Http;
using Cleanup.Integrations.Plex;
using static Cleanup.Integrations.Tests.Common.TestFaults;
using static Cleanup.Integrations.Tests.Common.TestServices;

namespace Cleanup.Integrations.Tests.Plex;

public sealed class PlexClientTests : IAsyncLifetime
{
    private const string Key = "plex-token-secret-Zx81";
    private readonly FakeLibrary library = FakeLibraries.Demo(TimeProvider.System);
    private FakePlex fake = null!;

    public async Task InitializeAsync()
    {
        fake = new FakePlex(library, Key);
        await fake.StartAsync();
    }

    public async Task DisposeAsync() => await fake.DisposeAsync();

    private PlexClient Client(int pageSize = 5, int retries = 2, int timeout = 5, string? key = null) =>
        PlexClient.Create(ServiceKind.Plex, OptionsFor(fake, "plex", retries, timeout, key), TimeProvider.System, pageSize: pageSize);

    private static string Rk(string key) => FakeKeys.PlexRatingKey(key).ToString();

    [Fact]
    public async Task Probe_reports_the_version_and_a_wrong_token_as_unreachable()
    {
        using var client = Client();
        var status = await client.ProbeAsync(default);
        Assert.True(status.Reachable, status.Error);
        Assert.Equal(fake.Version, status.Version);

        using var wrong = Client(key: "wrong-plex-token");
        var refused = await wrong.ProbeAsync(default);
        Assert.False(refused.Reachable);
        Assert.Contains("401", refused.Error);
        Assert.DoesNotContain("wrong-plex-token", refused.Error);
    }

    [Fact]
    public async Task The_only_user_is_the_tokens_owner()
    {
        using var client = Client();
        var user = Assert.Single(await client.ListUsersAsync(default));
        Assert.Equal("alice", user.Name);
        Assert.Equal(PlexClient.OwnerUserId, user.UserId);
        Assert.True(user.IsAdministrator);
    }

    [Fact]
    public async Task Lists_movies_shows_and_episodes_across_pages()
    {
        using var client = Client(pageSize: 5);
        var items = await client.ListItemsAsync(default);

        Assert.Equal(12, items.Count(i => i.Type == MediaServerItemType.Movie));
        Assert.Equal(3, items.Count(i => i.Type == MediaServerItemType.Series));
        Assert.Equal(39, items.Count(i => i.Type == MediaServerItemType.Episode));
        Assert.True(fake.RequestCount >= 3 + 8 + 1);

        var matrix = items.Single(i => i.Ids.Tmdb == 603);
        var libraryMatrix = library.Movies.Single(m => m.TmdbId == 603);
        Assert.Equal(Rk(FakeKeys.Movie(603)), matrix.ItemId);
        Assert.Equal("tt0133093", matrix.Ids.Imdb);
        Assert.Equal(libraryMatrix.SizeBytes, matrix.Size);
        Assert.Equal(libraryMatrix.FileAdded!.Value.ToUnixTimeSeconds(), matrix.DateCreated!.Value.ToUnixTimeSeconds());
        Assert.EndsWith(".mkv", matrix.Path);

        var show = items.Single(i => i.Type == MediaServerItemType.Series && i.Ids.Tvdb == 81189);
        Assert.Equal(1396, show.Ids.Tmdb);
        Assert.Null(show.Size);
        var episode = items.Single(i => i.ItemId == Rk(FakeKeys.Episode(81189, 2, 5)));
        Assert.Equal(show.ItemId, episode.SeriesId);
        Assert.Equal((2, 5), (episode.SeasonNumber, episode.EpisodeNumber));
        Assert.Empty(client.DataIssues.Snapshot());
    }

    [Fact]
    public async Task Items_deleted_in_the_library_are_not_listed()
    {
        lock (library.Sync)
        {
            library.Movies.Single(m => m.TmdbId == 603).Deleted = true;
        }

        using var client = Client();
        Assert.DoesNotContain(await client.ListItemsAsync(default), i => i.Ids.Tmdb == 603);
    }

    [Fact]
    public async Task Watch_state_is_the_owners()
    {
        using var client = Client(pageSize: 50);
        var owner = Assert.Single(await client.ListUsersAsync(default));
        var states = await client.ListWatchStateAsync(owner, null, default);

        Assert.Equal(54, states.Count);
        var matrix = states.Single(s => s.ItemId == Rk(FakeKeys.Movie(603)));
        Assert.True(matrix.Played);
        Assert.Equal(3, matrix.PlayCount);
        var watched = library.Watches.Single(w => w.User == "alice" && w.ItemKey == FakeKeys.Movie(603)).LastPlayed!.Value;
        Assert.Equal(watched.ToUnixTimeSeconds(), matrix.LastPlayed!.Value.ToUnixTimeSeconds());

        var inProgress = states.Single(s => s.ItemId == Rk(FakeKeys.Movie(496243)));
        Assert.False(inProgress.Played);
        Assert.Equal(36_000_000_000, inProgress.PlaybackPositionTicks);

        // Only bob watched Arrival: the owner's state says unwatched.
        Assert.False(states.Single(s => s.ItemId == Rk(FakeKeys.Movie(329865))).Played);
        Assert.True(states.Single(s => s.ItemId == Rk(FakeKeys.Episode(81189, 1, 3))).Played);
        Assert.False(states.Single(s => s.ItemId == Rk(FakeKeys.Series(81189))).Played);
    }

    [Fact]
    public async Task Watch_state_of_another_user_is_refused_not_reported_as_unwatched()
    {
        using var client = Client();
        var bob = new MediaServerUser("plex", "12345", "bob", false, false);
        var ex = await Assert.ThrowsAsync<SourceReadException>(() => client.ListWatchStateAsync(bob, null, default));
        Assert.Contains("Tautulli", ex.Reason);
    }

    [Fact]
    public async Task Lists_what_is_playing_now()
    {
        using var client = Client();
        var playing = Assert.Single(await client.ListNowPlayingAsync(default));
        Assert.Equal("bob", playing.UserName);
        Assert.Equal(Rk(FakeKeys.Movie(546554)), playing.ItemId);
    }

    [Fact]
    public async Task Refresh_asks_every_section_to_scan()
    {
        using var client = Client();
        await client.RefreshLibraryAsync(default);
        Assert.Equal(["/library/sections/1/refresh", "/library/sections/2/refresh"], fake.Calls.Select(c => c.Path));
        Assert.All(fake.Calls, c => Assert.Equal("POST", c.Method));
    }

    [Fact]
    public async Task Collections_are_refused_without_calling_plex()
    {
        using var client = Client();
        var ex = await Assert.ThrowsAsync<ServiceActionException>(() => client.SyncCollectionAsync("Leaving soon", ["1"], default));
        Assert.Contains("not supported", ex.Reason);
        Assert.Equal(0, fake.RequestCount);
    }

    [Theory]
    [MemberData(nameof(ReadFaults), MemberType = typeof(Common.TestFaults))]
    public async Task A_failing_read_throws_and_never_returns_a_partial_list(Fault fault)
    {
        var (retries, timeout) = BudgetFor(fault);
        using var client = Client(pageSize: 5, retries: retries, timeout: timeout);
        var owner = new MediaServerUser("plex", PlexClient.OwnerUserId, "alice", true, false);
        Apply(fake, fault);

        var items = await Assert.ThrowsAsync<SourceReadException>(() => client.ListItemsAsync(default));
        var states = await Assert.ThrowsAsync<SourceReadException>(() => client.ListWatchStateAsync(owner, null, default));
        AssertNoSecret(items, Key);
        AssertNoSecret(states, Key);
        if (fault == Fault.TruncatedPaging)
        {
            Assert.Contains("truncated", items.Reason);
        }
    }

    [Fact]
    public async Task Server_errors_are_retried_until_the_server_recovers_and_a_rejected_token_is_not()
    {
        fake.Faults.Current = Fault.ServerError;
        fake.Faults.FailFirst = 2;
        using var client = Client(retries: 3);
        Assert.Single(await client.ListUsersAsync(default));

        fake.Faults.Current = Fault.None;
        var before = fake.RequestCount;
        using var wrong = Client(retries: 3, key: "bad-plex-token-1");
        var ex = await Assert.ThrowsAsync<SourceReadException>(() => wrong.ListItemsAsync(default));
        Assert.Equal(before + 1, fake.RequestCount);
        AssertNoSecret(ex, "bad-plex-token-1");
    }

    [Fact]
    public async Task A_far_future_added_date_becomes_null_and_a_data_issue()
    {
        lock (library.Sync)
        {
            library.Movies.Single(m => m.TmdbId == 603).FileAdded = new DateTimeOffset(2150, 1, 1, 0, 0, 0, TimeSpan.Zero);
        }

        using var client = Client(pageSize: 50);
        var matrix = (await client.ListItemsAsync(default)).Single(i => i.Ids.Tmdb == 603);
        Assert.Null(matrix.DateCreated);
        var issue = Assert.Single(client.DataIssues.Drain());
        Assert.Equal(("addedAt", matrix.ItemId), (issue.Field, issue.Item));
    }

    [Fact]
    public async Task The_fake_answers_xml_unless_json_is_asked_and_identity_needs_no_token()
    {
        using var http = new HttpClient();
        using var xml = new HttpRequestMessage(HttpMethod.Get, fake.BaseUrl + "/library/sections/all");
        xml.Headers.Add("X-Plex-Token", Key);
        var answer = await http.SendAsync(xml);
        Assert.StartsWith("<?xml", await answer.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(fake.BaseUrl + "/identity")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(fake.BaseUrl + "/library/sections/all")).StatusCode);
    }
}
