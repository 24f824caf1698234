using Cleanup.Engine.Library;
using Cleanup.Engine.Sources;
using static Cleanup.Engine.Tests.TestData;

namespace Cleanup.Engine.Tests.Library;

public sealed class UnifiedLibraryTests
{
    private static ArrMovie RadarrMovie(string instance, int id, int? tmdb, string? imdb, double? addedDaysAgo = 100, double? importedDaysAgo = null, long size = 1000, string[]? tags = null, int? year = 1999) =>
        new(instance, id, $"Movie {tmdb}{imdb}", year, tmdb, imdb, DaysAgoOrNull(addedDaysAgo), DaysAgoOrNull(importedDaysAgo), size, true, true, tags ?? [], MovieFileId: id * 10);

    private static MediaServerItem ServerItem(string itemId, MediaServerItemType type, int? tmdb = null, string? imdb = null, int? tvdb = null, string? seriesId = null, int? season = null, int? episode = null, string server = "jellyfin", double? createdDaysAgo = 50, long? size = 500) =>
        new(server, itemId, type, $"Item {itemId}", 1999, new ProviderIds(tmdb, imdb, tvdb), seriesId, season, episode, size, DaysAgoOrNull(createdDaysAgo));

    private static ArrSeries SonarrSeries(int id, int? tvdb, int? tmdb = null, string? imdb = null, string instance = "sonarr", SeriesStatus status = SeriesStatus.Ended, string[]? tags = null) =>
        new(instance, id, $"Show {tvdb}{tmdb}{imdb}", 2010, tvdb, tmdb, imdb, DaysAgo(300), status, true, tags ?? [], 9000,
            [new ArrSeason(1, true, 2, 2, 2, 9000, DaysAgo(200), null), new ArrSeason(2, true, 0, 0, 10, 0, null, Now.AddDays(30))]);

    private static ArrEpisode SonarrEpisode(int seriesId, int season, int episode, double importedDaysAgo, bool hasFile = true, string instance = "sonarr") =>
        new(instance, season * 100 + episode, seriesId, season, episode, $"Episode {episode}", DaysAgo(importedDaysAgo + 1), hasFile, true, hasFile ? season * 1000 + episode : null, hasFile ? 4500 : null, hasFile ? DaysAgo(importedDaysAgo) : null);

    private static UserWatchState State(string itemId, string user, bool played = true, int plays = 1, double? lastPlayedDaysAgo = 5, long position = 0, bool favorite = false, string server = "jellyfin") =>
        new(server, "uid-" + user, user, itemId, played, plays, DaysAgoOrNull(lastPlayedDaysAgo), position, favorite);

    [Fact]
    public void Movies_join_by_tmdb_across_radarr_instances_and_media_servers()
    {
        var library = UnifiedLibrary.Build(new SourceSnapshot
        {
            Movies = [RadarrMovie("radarr", 1, 603, "tt0133093", size: 1000, tags: ["kids"]), RadarrMovie("radarr-4k", 7, 603, null, size: 4000, tags: ["KIDS", "4k"])],
            MediaServerItems = [ServerItem("abc", MediaServerItemType.Movie, tmdb: 603)],
        });

        var movie = Assert.Single(library.Items);
        Assert.Equal("movie:tmdb:603", movie.Id);
        Assert.Equal(["radarr", "radarr-4k", "jellyfin"], movie.Sources.Select(s => s.Instance));
        Assert.Equal(5000, movie.SizeBytes); // both Radarr copies; the server's size is not added again
        Assert.Equal(["kids", "4k"], movie.Tags);
        Assert.Equal("tt0133093", movie.ImdbId);
        Assert.True(movie.IsManaged);
        Assert.Equal(10, movie.Sources[0].FileId); // the movie file id travels, for "delete files only"
    }

    [Fact]
    public void Movies_without_tmdb_join_through_imdb_even_when_the_imdb_id_came_with_a_tmdb_record()
    {
        var library = UnifiedLibrary.Build(new SourceSnapshot
        {
            Movies = [RadarrMovie("radarr", 1, null, "tt0000001")],
            MediaServerItems = [ServerItem("abc", MediaServerItemType.Movie, tmdb: 5, imdb: "TT0000001"), ServerItem("def", MediaServerItemType.Movie, imdb: "tt0000002")],
        });

        Assert.Equal(["movie:tmdb:5", "movie:imdb:tt0000002"], library.Items.Select(i => i.Id));
        Assert.Equal(2, library.Find("movie:tmdb:5")!.Sources.Count);
        Assert.False(library.Find("movie:imdb:tt0000002")!.IsManaged);
    }

    [Theory]
    // file imported, radarr added, server created (days ago), expected added (days ago)
    [InlineData(10.0, 100.0, 50.0, 10.0)]
    [InlineData(null, 100.0, 50.0, 100.0)]
    [InlineData(null, null, 50.0, 50.0)]
    [InlineData(null, null, null, null)]
    public void Added_is_the_file_import_then_radarr_added_then_the_server_date(double? imported, double? added, double? created, double? expected)
    {
        var library = UnifiedLibrary.Build(new SourceSnapshot
        {
            Movies = [RadarrMovie("radarr", 1, 603, null, addedDaysAgo: added, importedDaysAgo: imported)],
            MediaServerItems = [ServerItem("abc", MediaServerItemType.Movie, tmdb: 603, createdDaysAgo: created)],
        });

        Assert.Equal(DaysAgoOrNull(expected), library.Items.Single().Added);
    }

    [Fact]
    public void The_latest_import_across_instances_counts()
    {
        var library = UnifiedLibrary.Build(new SourceSnapshot
        {
            Movies = [RadarrMovie("radarr", 1, 603, null, importedDaysAgo: 90), RadarrMovie("radarr-4k", 2, 603, null, importedDaysAgo: 3)],
        });

        Assert.Equal(DaysAgo(3), library.Items.Single().Added);
    }

    [Fact]
    public void Items_without_ids_are_unmatched_and_listed()
    {
        var library = UnifiedLibrary.Build(new SourceSnapshot
        {
            Movies = [RadarrMovie("radarr", 9, null, null)],
            MediaServerItems = [ServerItem("home-video", MediaServerItemType.Movie), ServerItem("s1", MediaServerItemType.Series)],
        });

        Assert.Equal(
            ["unmatched:radarr:movie:9", "unmatched:jellyfin:movie:home-video", "unmatched:jellyfin:series:s1"],
            library.Unmatched.Select(i => i.Id));
        Assert.All(library.Items, i => Assert.False(i.IsMatched));
        Assert.All(library.Items, i => Assert.NotNull(i.UnmatchedReason));
    }

    [Fact]
    public void A_record_listed_twice_is_one_item()
    {
        var library = UnifiedLibrary.Build(new SourceSnapshot
        {
            Movies = [RadarrMovie("radarr", 1, 603, null)],
            MediaServerItems = [ServerItem("home-video", MediaServerItemType.Movie), ServerItem("home-video", MediaServerItemType.Movie), ServerItem("abc", MediaServerItemType.Movie, tmdb: 603)],
        });

        Assert.Equal(["movie:tmdb:603", "unmatched:jellyfin:movie:home-video"], library.Items.Select(i => i.Id));
        Assert.Single(library.Find("unmatched:jellyfin:movie:home-video")!.Sources);
    }

    [Fact]
    public void Series_join_by_tvdb_then_tmdb_then_imdb()
    {
        var library = UnifiedLibrary.Build(new SourceSnapshot
        {
            Series = [SonarrSeries(1, 81189, tmdb: 1396, imdb: "tt0903747"), SonarrSeries(2, null, tmdb: 42)],
            MediaServerItems =
            [
                ServerItem("bb", MediaServerItemType.Series, tmdb: 1396), // no TVDb: joins through TMDb
                ServerItem("bb2", MediaServerItemType.Series, imdb: "tt0903747"), // only IMDb: joins too
                ServerItem("x", MediaServerItemType.Series, tmdb: 42),
                ServerItem("y", MediaServerItemType.Series, tvdb: 7),
            ],
        });

        var series = library.Items.Where(i => i.Type == MediaType.Series).ToArray();
        Assert.Equal(["series:tvdb:81189", "series:tvdb:7", "series:tmdb:42"], series.Select(s => s.Id));
        Assert.Equal(3, series[0].Sources.Count);
        Assert.Equal(2, series[2].Sources.Count);
    }

    [Fact]
    public void Seasons_and_episodes_join_through_their_series()
    {
        var library = UnifiedLibrary.Build(new SourceSnapshot
        {
            Series = [SonarrSeries(1, 81189, tags: ["anime"], status: SeriesStatus.Continuing)],
            Episodes = [SonarrEpisode(1, 1, 1, 30), SonarrEpisode(1, 1, 2, 20), SonarrEpisode(1, 2, 1, 0, hasFile: false)],
            MediaServerItems =
            [
                ServerItem("jf-series", MediaServerItemType.Series, tvdb: 81189),
                ServerItem("jf-s1", MediaServerItemType.Season, seriesId: "jf-series", season: 1),
                ServerItem("jf-e2", MediaServerItemType.Episode, seriesId: "jf-series", season: 1, episode: 2),
                ServerItem("jf-e3", MediaServerItemType.Episode, seriesId: "jf-series", season: 1, episode: 3),
                ServerItem("orphan", MediaServerItemType.Episode, seriesId: "gone", season: 1, episode: 1),
                ServerItem("nonumber", MediaServerItemType.Episode, seriesId: "jf-series", season: 1),
            ],
        });

        Assert.Equal(
            ["series:tvdb:81189", "season:tvdb:81189:s01", "episode:tvdb:81189:s01e01", "episode:tvdb:81189:s01e02", "episode:tvdb:81189:s01e03"],
            library.Items.Where(i => i.IsMatched).Select(i => i.Id));
        Assert.Equal(["unmatched:jellyfin:episode:orphan", "unmatched:jellyfin:episode:nonumber"], library.Unmatched.Select(i => i.Id));

        var e2 = library.Find("episode:tvdb:81189:s01e02")!;
        Assert.Equal("season:tvdb:81189:s01", e2.ParentId);
        Assert.Equal("series:tvdb:81189", e2.SeriesItemId);
        Assert.Equal(["sonarr", "jellyfin"], e2.Sources.Select(s => s.Instance));
        Assert.Equal(1002, e2.Sources[0].FileId);
        Assert.Equal(1, e2.Sources[0].SeriesId);
        Assert.Equal(["anime"], e2.Tags);
        Assert.Equal(SeriesStatus.Continuing, e2.SeriesStatus);
        Assert.Equal(DaysAgo(20), e2.Added);
        Assert.Equal(4500, e2.SizeBytes);
        Assert.Contains("S01E02", e2.Title);

        // A series and season arrive with their latest episode file.
        Assert.Equal(DaysAgo(20), library.Find("series:tvdb:81189")!.Added);
        Assert.Equal(DaysAgo(20), library.Find("season:tvdb:81189:s01")!.Added);
        Assert.Equal(["season:tvdb:81189:s01"], library.ChildrenOf("series:tvdb:81189").Select(i => i.Id));
        Assert.Equal(3, library.ChildrenOf("season:tvdb:81189:s01").Count);
    }

    [Fact]
    public void Watch_state_merges_per_user_across_servers_and_statistics()
    {
        var library = UnifiedLibrary.Build(new SourceSnapshot
        {
            Movies = [RadarrMovie("radarr", 1, 603, null)],
            MediaServerItems = [ServerItem("abc", MediaServerItemType.Movie, tmdb: 603), ServerItem("plex-1", MediaServerItemType.Movie, tmdb: 603, server: "plex")],
            WatchStates =
            [
                State("abc", "alice", plays: 1, lastPlayedDaysAgo: 30),
                State("plex-1", "Alice", plays: 2, lastPlayedDaysAgo: 10, server: "plex"),
                State("abc", "bob", played: false, plays: 0, lastPlayedDaysAgo: 1, position: 12345, favorite: true),
            ],
            History =
            [
                new WatchHistoryEntry("jellystat", "jellyfin", "carol", "abc", null, DaysAgo(3), Completed: true),
                new WatchHistoryEntry("jellystat", "jellyfin", "carol", "abc", null, DaysAgo(2), Completed: true),
                new WatchHistoryEntry("jellystat", "jellyfin", "alice", "abc", null, DaysAgo(4), Completed: false),
            ],
            NowPlaying = [new NowPlaying("jellyfin", "bob", "abc")],
        });

        var watch = library.Items.Single().Watch;
        var alice = watch.ForUser("alice")!;
        Assert.True(alice.Played);
        Assert.Equal(2, alice.PlayCount);
        Assert.Equal(DaysAgo(4), alice.LastPlayed); // a partial play still counts as activity
        var bob = watch.ForUser("BOB")!;
        Assert.True(bob.InProgress);
        Assert.True(bob.Favorite);
        Assert.True(bob.Playing);
        Assert.Equal(2, watch.ForUser("carol")!.PlayCount);
        Assert.Equal(WatchStatus.Watched, watch.Status);
        Assert.Equal(DaysAgo(1), watch.LastWatched);
        Assert.Equal(["alice", "bob", "carol"], watch.WatchedBy);
        Assert.Equal(["bob"], watch.FavoriteOf);
        Assert.Equal(["bob"], watch.PlayingBy);
    }

    [Fact]
    public void Episode_plays_roll_up_to_season_and_series_but_favorites_do_not()
    {
        var library = UnifiedLibrary.Build(new SourceSnapshot
        {
            Series = [SonarrSeries(1, 81189)],
            Episodes = [SonarrEpisode(1, 1, 1, 30), SonarrEpisode(1, 1, 2, 20)],
            MediaServerItems =
            [
                ServerItem("jf-series", MediaServerItemType.Series, tvdb: 81189),
                ServerItem("jf-e1", MediaServerItemType.Episode, seriesId: "jf-series", season: 1, episode: 1),
                ServerItem("jf-e2", MediaServerItemType.Episode, seriesId: "jf-series", season: 1, episode: 2),
            ],
            WatchStates = [State("jf-e1", "alice", lastPlayedDaysAgo: 9, favorite: true), State("jf-e2", "alice", lastPlayedDaysAgo: 8)],
            History = [new WatchHistoryEntry("jellystat", "jellyfin", "bob", "jf-unknown-episode", "jf-series", DaysAgo(2), Completed: true)],
            NowPlaying = [new NowPlaying("jellyfin", "carol", "jf-e2")],
        });

        var series = library.Find("series:tvdb:81189")!.Watch;
        var season = library.Find("season:tvdb:81189:s01")!.Watch;
        Assert.Equal(DaysAgo(8), season.ForUser("alice")!.LastPlayed);
        Assert.Equal(2, season.ForUser("alice")!.PlayCount);
        Assert.Equal(DaysAgo(2), series.LastWatched); // history naming only the series lands on the series
        Assert.Equal(["carol"], series.PlayingBy);
        Assert.Equal(["carol"], season.PlayingBy);
        Assert.Empty(series.FavoriteOf);
        Assert.Equal(["alice"], library.Find("episode:tvdb:81189:s01e01")!.Watch.FavoriteOf);
    }

    [Theory]
    // failed source, kind, media server it records for, is the jellyfin movie unknown, is the plex-only movie unknown
    [InlineData("jellyfin", ServiceKind.Jellyfin, null, true, true)] // a failed server could know any item
    [InlineData("plex", ServiceKind.Plex, null, true, true)]
    [InlineData("jellystat", ServiceKind.Jellystat, "jellyfin", true, false)] // only its server's items
    [InlineData("tautulli", ServiceKind.Tautulli, "plex", false, true)]
    [InlineData("jellystat", ServiceKind.Jellystat, null, true, true)] // server not known: everything
    [InlineData("radarr-4k", ServiceKind.Radarr, null, false, false)] // not a watch source
    [InlineData("jellyseerr", ServiceKind.Jellyseerr, null, false, false)]
    public void A_failed_watch_source_makes_the_items_it_could_know_unknown(string source, ServiceKind kind, string? server, bool jellyfinUnknown, bool plexUnknown)
    {
        var library = UnifiedLibrary.Build(new SourceSnapshot
        {
            Movies = [RadarrMovie("radarr", 1, 1, null), RadarrMovie("radarr", 2, 2, null)],
            MediaServerItems = [ServerItem("a", MediaServerItemType.Movie, tmdb: 1), ServerItem("b", MediaServerItemType.Movie, tmdb: 2, server: "plex")],
            Failures = [new SourceFailure(source, kind, "HTTP 503", server)],
        });

        Assert.Equal(jellyfinUnknown ? WatchStatus.Unknown : WatchStatus.Unwatched, library.Find("movie:tmdb:1")!.Watch.Status);
        Assert.Equal(plexUnknown ? WatchStatus.Unknown : WatchStatus.Unwatched, library.Find("movie:tmdb:2")!.Watch.Status);
        if (jellyfinUnknown) Assert.Equal([source], library.Find("movie:tmdb:1")!.Watch.UnknownBecause);
    }

    [Fact]
    public void Unknown_episodes_make_their_season_and_series_unknown()
    {
        var library = UnifiedLibrary.Build(new SourceSnapshot
        {
            Series = [SonarrSeries(1, 81189)],
            Episodes = [SonarrEpisode(1, 1, 1, 30)],
            MediaServerItems =
            [
                ServerItem("p-series", MediaServerItemType.Series, tvdb: 81189, server: "plex"),
                ServerItem("p-e1", MediaServerItemType.Episode, seriesId: "p-series", season: 1, episode: 1, server: "plex"),
            ],
            Failures = [new SourceFailure("tautulli", ServiceKind.Tautulli, "timeout", "plex")],
        });

        Assert.All(library.Items, i => Assert.Equal(WatchStatus.Unknown, i.Watch.Status));
    }

    [Fact]
    public void Requests_join_movies_by_tmdb_and_series_by_tvdb_then_tmdb()
    {
        var library = UnifiedLibrary.Build(new SourceSnapshot
        {
            Movies = [RadarrMovie("radarr", 1, 603, null)],
            Series = [SonarrSeries(1, 81189, tmdb: 1396), SonarrSeries(2, 5, tmdb: 77)],
            Requests =
            [
                new MediaRequest("jellyseerr", 1, 11, RequestedMediaType.Movie, 603, null, "alice", "alice@example.com", DaysAgo(3), 5),
                new MediaRequest("jellyseerr", 2, 12, RequestedMediaType.Tv, 1396, null, "bob", null, DaysAgo(4), 2),
                new MediaRequest("jellyseerr", 3, 13, RequestedMediaType.Tv, 999, 5, "carol", null, DaysAgo(5), 2),
                new MediaRequest("jellyseerr", 4, 14, RequestedMediaType.Movie, 1396, null, "dave", null, DaysAgo(5), 2), // a movie id is not a series id
            ],
        });

        Assert.Equal(["alice"], library.Find("movie:tmdb:603")!.Requests.Select(r => r.Requester));
        Assert.Equal(11, library.Find("movie:tmdb:603")!.Requests[0].MediaId);
        Assert.Equal(["bob"], library.Find("series:tvdb:81189")!.Requests.Select(r => r.Requester));
        Assert.Equal(["carol"], library.Find("series:tvdb:5")!.Requests.Select(r => r.Requester));
        Assert.True(library.Find("movie:tmdb:603")!.RequestsKnown);
    }

    [Fact]
    public void A_failed_request_source_marks_requests_unknown()
    {
        var library = UnifiedLibrary.Build(new SourceSnapshot
        {
            Movies = [RadarrMovie("radarr", 1, 603, null)],
            Failures = [new SourceFailure("jellyseerr", ServiceKind.Jellyseerr, "HTTP 500")],
        });

        Assert.False(library.Items.Single().RequestsKnown);
        Assert.Equal(WatchStatus.Unwatched, library.Items.Single().Watch.Status);
    }

    [Fact]
    public void Media_server_kinds_come_from_the_snapshot()
    {
        var library = UnifiedLibrary.Build(new SourceSnapshot
        {
            MediaServerItems = [ServerItem("1", MediaServerItemType.Movie, tmdb: 1, server: "plex")],
            SourceKinds = new Dictionary<string, ServiceKind> { ["plex"] = ServiceKind.Plex },
        });

        Assert.Equal(ServiceKind.Plex, library.Items.Single().Sources.Single().Kind);
    }

    [Fact]
    public void Building_is_deterministic_and_the_library_survives_json()
    {
        var snapshot = new SourceSnapshot
        {
            Movies = [RadarrMovie("radarr", 1, 603, null), RadarrMovie("radarr", 2, 604, null)],
            MediaServerItems = [ServerItem("abc", MediaServerItemType.Movie, tmdb: 603)],
            WatchStates = [State("abc", "alice")],
            Failures = [new SourceFailure("jellystat", ServiceKind.Jellystat, "x", "jellyfin")],
        };

        var first = UnifiedLibrary.Build(snapshot);
        var json = System.Text.Json.JsonSerializer.Serialize(first);
        var back = System.Text.Json.JsonSerializer.Deserialize<UnifiedLibrary>(json)!;

        Assert.Equal(json, System.Text.Json.JsonSerializer.Serialize(UnifiedLibrary.Build(snapshot)));
        Assert.Equal(json, System.Text.Json.JsonSerializer.Serialize(back));
        Assert.Equal(WatchStatus.Unknown, back.Find("movie:tmdb:603")!.Watch.Status);
        Assert.Equal(DaysAgo(5), back.Find("movie:tmdb:603")!.Watch.LastWatched);
    }
}
