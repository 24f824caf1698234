using Cleanup.Engine.Sources;
using Cleanup.Fakes.Hosting;
using Cleanup.Fakes.Jellyfin;
using Cleanup.Fakes.Library;
using Cleanup.Integrations.Http;
using Cleanup.Integrations.Jellyfin;
using static Cleanup.Integrations.Tests.Common.TestFaults;
using static Cleanup.Integrations.Tests.Common.TestServices;

namespace Cleanup.Integrations.Tests.Jellyfin;

public sealed class JellyfinClientTests : IAsyncLifetime
{
    private const string Key = "jf-secret-key-8c1d";
    private readonly FakeLibrary library = FakeLibraries.Demo(TimeProvider.System);
    private FakeJellyfin fake = null!;

    public async Task InitializeAsync()
    {
        fake = new FakeJellyfin(library, Key);
        await fake.StartAsync();
    }

    public async Task DisposeAsync() => await fake.DisposeAsync();

    private JellyfinClient Client(int pageSize = 7, int retries = 2, int timeout = 5, string? key = null) =>
        JellyfinClient.Create(ServiceKind.Jellyfin, OptionsFor(fake, "jellyfin", retries, timeout, key), TimeProvider.System, pageSize: pageSize);

    [Fact]
    public async Task Probe_reports_the_version_of_a_reachable_server()
    {
        using var client = Client();
        var status = await client.ProbeAsync(default);
        Assert.True(status.Reachable, status.Error);
        Assert.Equal("10.11.11", status.Version);
        Assert.Equal(fake.BaseUrl, status.Url);
    }

    [Fact]
    public async Task Probe_with_a_wrong_key_is_unreachable_and_does_not_show_the_key()
    {
        using var client = Client(key: "wrong-key-77");
        var status = await client.ProbeAsync(default);
        Assert.False(status.Reachable);
        Assert.Contains("401", status.Error);
        Assert.DoesNotContain("wrong-key-77", status.Error);
    }

    [Fact]
    public async Task Lists_users_with_their_ids_and_admin_flag()
    {
        using var client = Client();
        var users = await client.ListUsersAsync(default);
        Assert.Equal(["alice", "bob", "carol"], users.Select(u => u.Name));
        var alice = users[0];
        Assert.Equal(FakeJellyfin.UserId("alice"), alice.UserId);
        Assert.Matches("^[0-9a-f]{32}$", alice.UserId);
        Assert.True(alice.IsAdministrator);
        Assert.False(users[1].IsAdministrator);
    }

    [Fact]
    public async Task Lists_every_movie_series_and_episode_across_pages()
    {
        using var client = Client(pageSize: 7);
        var items = await client.ListItemsAsync(default);

        // 12 movies, 3 series, 7 + 13 + 10 + 9 episodes; 54 items = 8 pages of 7.
        Assert.Equal(12, items.Count(i => i.Type == MediaServerItemType.Movie));
        Assert.Equal(3, items.Count(i => i.Type == MediaServerItemType.Series));
        Assert.Equal(39, items.Count(i => i.Type == MediaServerItemType.Episode));
        Assert.Equal(items.Count, items.Select(i => i.ItemId).Distinct().Count());
        Assert.True(fake.RequestCount >= 8);

        var matrix = items.Single(i => i.Ids.Tmdb == 603);
        var libraryMatrix = library.Movies.Single(m => m.TmdbId == 603);
        Assert.Equal(FakeKeys.JellyfinId(FakeKeys.Movie(603)), matrix.ItemId);
        Assert.Equal("The Matrix", matrix.Name);
        Assert.Equal(1999, matrix.Year);
        Assert.Equal("tt0133093", matrix.Ids.Imdb);
        Assert.Equal(libraryMatrix.SizeBytes, matrix.Size);
        Assert.Equal("jellyfin", matrix.Server);
        Assert.NotNull(matrix.Path);
        Assert.Equal(TruncateToTicks(libraryMatrix.FileAdded!.Value), matrix.DateCreated);

        var breakingBad = items.Single(i => i.Type == MediaServerItemType.Series && i.Ids.Tvdb == 81189);
        Assert.Null(breakingBad.Size);
        Assert.Equal(1396, breakingBad.Ids.Tmdb);
        var episode = items.Single(i => i.ItemId == FakeKeys.JellyfinId(FakeKeys.Episode(81189, 2, 5)));
        Assert.Equal(breakingBad.ItemId, episode.SeriesId);
        Assert.Equal(2, episode.SeasonNumber);
        Assert.Equal(5, episode.EpisodeNumber);
        Assert.True(episode.Size > 0);
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
        var items = await client.ListItemsAsync(default);
        Assert.DoesNotContain(items, i => i.Ids.Tmdb == 603);
        Assert.Equal(11, items.Count(i => i.Type == MediaServerItemType.Movie));
    }

    [Fact]
    public async Task Watch_state_is_per_user()
    {
        using var client = Client(pageSize: 10);
        var users = await client.ListUsersAsync(default);
        var alice = await client.ListWatchStateAsync(users.Single(u => u.Name == "alice"), null, default);
        var bob = await client.ListWatchStateAsync(users.Single(u => u.Name == "bob"), null, default);
        var carol = await client.ListWatchStateAsync(users.Single(u => u.Name == "carol"), null, default);
        string Id(string key) => FakeKeys.JellyfinId(key);

        // One state per movie, series and episode, for every user (unwatched ones too).
        Assert.Equal(54, alice.Count);
        var aliceMatrix = alice.Single(s => s.ItemId == Id(FakeKeys.Movie(603)));
        Assert.True(aliceMatrix.Played);
        Assert.Equal(3, aliceMatrix.PlayCount);
        Assert.Equal("alice", aliceMatrix.UserName);
        Assert.Equal(FakeJellyfin.UserId("alice"), aliceMatrix.UserId);
        var watched = library.Watches.Single(w => w.User == "alice" && w.ItemKey == FakeKeys.Movie(603)).LastPlayed!.Value;
        Assert.Equal(TruncateToTicks(watched), aliceMatrix.LastPlayed);

        var inProgress = alice.Single(s => s.ItemId == Id(FakeKeys.Movie(496243)));
        Assert.False(inProgress.Played);
        Assert.Equal(36_000_000_000, inProgress.PlaybackPositionTicks);

        Assert.True(bob.Single(s => s.ItemId == Id(FakeKeys.Movie(329865))).Played);
        Assert.False(alice.Single(s => s.ItemId == Id(FakeKeys.Movie(329865))).Played);
        var unwatched = bob.Single(s => s.ItemId == Id(FakeKeys.Movie(27205)));
        Assert.False(unwatched.Played);
        Assert.Equal(0, unwatched.PlayCount);
        Assert.Null(unwatched.LastPlayed);

        Assert.True(carol.Single(s => s.ItemId == Id(FakeKeys.Movie(157336))).IsFavorite);
        Assert.False(alice.Single(s => s.ItemId == Id(FakeKeys.Movie(157336))).IsFavorite);

        // Season 1 of Breaking Bad fully watched by alice, season 2 not: the series is not played.
        Assert.True(alice.Single(s => s.ItemId == Id(FakeKeys.Episode(81189, 1, 7))).Played);
        Assert.False(alice.Single(s => s.ItemId == Id(FakeKeys.Series(81189))).Played);
    }

    [Fact]
    public async Task Changed_since_never_hides_a_new_play_on_an_old_item()
    {
        // Jellyfin filters minDateLastSaved on the item's own save date; a play does not change it.
        var now = TimeProvider.System.GetUtcNow();
        lock (library.Sync)
        {
            library.Watch("bob", FakeKeys.Movie(27205), now.AddMinutes(-5), playCount: 1);
        }

        using var client = Client(pageSize: 20);
        var bob = (await client.ListUsersAsync(default)).Single(u => u.Name == "bob");
        var states = await client.ListWatchStateAsync(bob, now.AddHours(-1), default);

        var inception = states.Single(s => s.ItemId == FakeKeys.JellyfinId(FakeKeys.Movie(27205)));
        Assert.True(inception.Played);
        Assert.Equal(54, states.Count);
    }

    [Fact]
    public async Task Lists_what_is_playing_now_and_ignores_idle_sessions()
    {
        using var client = Client();
        var playing = await client.ListNowPlayingAsync(default);
        var single = Assert.Single(playing);
        Assert.Equal("bob", single.UserName);
        Assert.Equal(FakeKeys.JellyfinId(FakeKeys.Movie(546554)), single.ItemId);
    }

    [Fact]
    public async Task Refresh_posts_library_refresh()
    {
        using var client = Client();
        await client.RefreshLibraryAsync(default);
        var call = Assert.Single(fake.Calls);
        Assert.Equal("POST", call.Method);
        Assert.Equal("/Library/Refresh", call.Path);
    }

    [Fact]
    public async Task Sync_collection_creates_then_adds_and_removes_to_hold_exactly_the_given_items()
    {
        using var client = Client(pageSize: 3);
        string Id(int tmdb) => FakeKeys.JellyfinId(FakeKeys.Movie(tmdb));

        await client.SyncCollectionAsync("Leaving soon", [Id(603), Id(27205)], default);
        Assert.Equal([Id(603), Id(27205)], fake.Collections["Leaving soon"]);
        var create = Assert.Single(fake.Calls);
        Assert.Equal("/Collections", create.Path);
        Assert.Contains("isLocked=true", create.Query);

        fake.ClearCalls();
        await client.SyncCollectionAsync("Leaving soon", [Id(27205), Id(129), Id(76341)], default);
        Assert.Equal(new[] { Id(27205), Id(129), Id(76341) }.Order(), fake.Collections["Leaving soon"].Order());
        Assert.Equal(1, fake.Calls.Count(c => c.Method == "POST" && c.Path.EndsWith("/Items", StringComparison.Ordinal)));
        var removal = Assert.Single(fake.Calls, c => c.Method == "DELETE");
        Assert.Contains(Id(603), removal.Query);
        Assert.DoesNotContain(fake.Calls, c => c.Path == "/Collections");

        // Already in sync: nothing changes.
        fake.ClearCalls();
        await client.SyncCollectionAsync("Leaving soon", [Id(76341), Id(129), Id(27205)], default);
        Assert.Empty(fake.Calls);

        await client.SyncCollectionAsync("Leaving soon", [], default);
        Assert.Empty(fake.Collections["Leaving soon"]);
        Assert.Single(fake.Collections);
    }

    [Fact]
    public async Task Sync_collection_reuses_the_owners_collection_and_accepts_dashed_ids()
    {
        var existing = fake.AddCollection("Leaving Soon", FakeKeys.JellyfinId(FakeKeys.Movie(129)));
        using var client = Client();
        var dashed = Guid.ParseExact(FakeKeys.JellyfinId(FakeKeys.Movie(603)), "N").ToString("D");

        await client.SyncCollectionAsync("Leaving Soon", [dashed], default);

        Assert.Equal([FakeKeys.JellyfinId(FakeKeys.Movie(603))], fake.Collections["Leaving Soon"]);
        Assert.All(fake.Calls, c => Assert.StartsWith($"/Collections/{existing}/Items", c.Path));
    }

    [Fact]
    public async Task Sync_collection_sends_many_ids_in_several_calls()
    {
        var many = Enumerable.Range(0, JellyfinClient.IdsPerCall * 2 + 5).Select(i => FakeKeys.JellyfinId("x" + i)).ToList();
        using var client = Client();
        await client.SyncCollectionAsync("Big", many, default);
        Assert.Equal(many.Order(), fake.Collections["Big"].Order());
        Assert.Equal(3, fake.Calls.Count);
    }

    [Theory]
    [MemberData(nameof(ReadFaults), MemberType = typeof(Common.TestFaults))]
    public async Task A_failing_read_throws_and_never_returns_a_partial_list(Fault fault)
    {
        var (retries, timeout) = BudgetFor(fault);
        using var client = Client(pageSize: 10, retries: retries, timeout: timeout);
        var bob = new MediaServerUser("jellyfin", FakeJellyfin.UserId("bob"), "bob", false, false);
        Apply(fake, fault);

        var items = await Assert.ThrowsAsync<SourceReadException>(() => client.ListItemsAsync(default));
        var states = await Assert.ThrowsAsync<SourceReadException>(() => client.ListWatchStateAsync(bob, null, default));

        foreach (var ex in new[] { items, states })
        {
            Assert.Equal("jellyfin", ex.Source);
            Assert.Equal(ServiceKind.Jellyfin, ex.Kind);
            AssertNoSecret(ex, Key);
        }

        if (fault == Fault.TruncatedPaging)
        {
            Assert.Contains("truncated", items.Reason);
        }
    }

    [Fact]
    public async Task Server_errors_are_retried_until_the_server_recovers()
    {
        fake.Faults.Current = Fault.ServerError;
        fake.Faults.FailFirst = 2;
        using var client = Client(retries: 3);
        var users = await client.ListUsersAsync(default);
        Assert.Equal(3, users.Count);
        Assert.Equal(3, fake.RequestCount);
    }

    [Fact]
    public async Task Server_errors_that_outlast_the_retries_fail_the_read()
    {
        fake.Faults.Current = Fault.ServerError;
        fake.Faults.ServerErrorStatus = 503;
        using var client = Client(retries: 2);
        var ex = await Assert.ThrowsAsync<SourceReadException>(() => client.ListUsersAsync(default));
        Assert.Contains("503", ex.Reason);
        Assert.Equal(3, fake.RequestCount);
    }

    [Fact]
    public async Task A_rejected_key_is_not_retried_and_not_shown()
    {
        using var client = Client(retries: 3, key: "not-the-key-4411");
        var ex = await Assert.ThrowsAsync<SourceReadException>(() => client.ListItemsAsync(default));
        Assert.Contains("401", ex.Reason);
        Assert.Equal(1, fake.RequestCount);
        AssertNoSecret(ex, "not-the-key-4411");
        AssertNoSecret(ex, Key);
    }

    [Fact]
    public async Task A_failing_action_throws_a_service_action_exception_without_the_key()
    {
        fake.Faults.Current = Fault.ServerError;
        using var client = Client(retries: 1);
        var refresh = await Assert.ThrowsAsync<ServiceActionException>(() => client.RefreshLibraryAsync(default));
        var sync = await Assert.ThrowsAsync<ServiceActionException>(() => client.SyncCollectionAsync("Leaving soon", ["a"], default));
        Assert.Contains("500", refresh.Reason);
        AssertNoSecret(refresh, Key);
        AssertNoSecret(sync, Key);
    }

    [Fact]
    public async Task Odd_dates_become_null_and_are_reported_as_data_issues()
    {
        var now = TimeProvider.System.GetUtcNow();
        lock (library.Sync)
        {
            var matrix = library.Movies.Single(m => m.TmdbId == 603);
            matrix.FileAdded = DateTimeOffset.MinValue; // Jellyfin sends 0001-01-01T00:00:00.0000000Z
            library.Watches.Single(w => w.User == "bob" && w.ItemKey == FakeKeys.Movie(603)).LastPlayed = now.AddYears(30);
        }

        using var client = Client(pageSize: 50);
        var items = await client.ListItemsAsync(default);
        var states = await client.ListWatchStateAsync(new MediaServerUser("jellyfin", FakeJellyfin.UserId("bob"), "bob", false, false), null, default);

        var matrixId = FakeKeys.JellyfinId(FakeKeys.Movie(603));
        Assert.Null(items.Single(i => i.ItemId == matrixId).DateCreated);
        var bobMatrix = states.Single(s => s.ItemId == matrixId);
        Assert.True(bobMatrix.Played); // the play still counts; only its date is unknown
        Assert.Null(bobMatrix.LastPlayed);

        var issues = client.DataIssues.Drain();
        Assert.Contains(issues, i => i.Item == matrixId && i.Field == "DateCreated" && i.RawValue!.StartsWith("0001-01-01", StringComparison.Ordinal));
        Assert.Contains(issues, i => i.Item == matrixId && i.Field == "UserData.LastPlayedDate" && i.Problem.Contains("future"));
        Assert.Empty(client.DataIssues.Snapshot());
    }

    /// <summary>Jellyfin sends 7 fractional digits: exact to the tick.</summary>
    private static DateTimeOffset TruncateToTicks(DateTimeOffset date) => date.ToUniversalTime();
}
