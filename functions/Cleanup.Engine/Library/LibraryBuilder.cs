using System.Globalization;
using Cleanup.Engine.Sources;

namespace Cleanup.Engine.Library;

/// <summary>
/// Joins one run's source data into library items. Movies join by TMDb id, then IMDb id; series by TVDb, then TMDb,
/// then IMDb; seasons and episodes by their series plus season and episode numbers. Statistics sources and watch state
/// join through the media server's item id. One pass per source with dictionary lookups: no quadratic joins.
/// </summary>
internal sealed class LibraryBuilder(SourceSnapshot snapshot)
{
    private readonly List<Node> nodes = [];
    private readonly List<Node> unmatched = [];
    private readonly Dictionary<string, Node> unmatchedById = new(StringComparer.Ordinal);

    private readonly Dictionary<int, Node> moviesByTmdb = [];
    private readonly Dictionary<string, Node> moviesByImdb = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<int, Node> seriesByTvdb = [];
    private readonly Dictionary<int, Node> seriesByTmdb = [];
    private readonly Dictionary<string, Node> seriesByImdb = new(StringComparer.OrdinalIgnoreCase);

    // (instance, Sonarr series id) and (server, server item id): how per-instance ids find their unified item.
    private readonly Dictionary<(string, int), Node> arrSeries = [];
    private readonly Dictionary<(string, string), Node> serverItems = [];

    public UnifiedLibrary Build()
    {
        AddMovies();
        AddSeries();
        AddSeasonsAndEpisodes();
        AddWatchState();
        AddRequests();
        AggregateEpisodesIntoParents();
        MarkUnknownWatchState();

        var items = new List<LibraryItem>(nodes.Count + unmatched.Count);
        foreach (var node in nodes) items.Add(node.ToItem());
        foreach (var node in unmatched) items.Add(node.ToItem());
        return new UnifiedLibrary(items, snapshot.Failures);
    }

    private void AddMovies()
    {
        var serverMovies = new List<MediaServerItem>();
        foreach (var item in snapshot.MediaServerItems)
        {
            if (item.Type == MediaServerItemType.Movie) serverMovies.Add(item);
        }

        // TMDb first, from every source, so that IMDb-only records can find the group their IMDb id already belongs to.
        foreach (var movie in snapshot.Movies)
        {
            if (movie.TmdbId is { } tmdb) AddArrMovie(MovieByTmdb(tmdb, movie.ImdbId), movie);
        }

        foreach (var item in serverMovies)
        {
            if (item.Ids.Tmdb is { } tmdb) AddServerItem(MovieByTmdb(tmdb, item.Ids.Imdb), item);
        }

        foreach (var movie in snapshot.Movies)
        {
            if (movie.TmdbId is not null) continue;
            if (NonEmpty(movie.ImdbId) is { } imdb) AddArrMovie(MovieByImdb(imdb), movie);
            else AddArrMovie(Unmatched(MediaType.Movie, movie.Instance, movie.Id.ToString(CultureInfo.InvariantCulture), "Radarr has no TMDb or IMDb id for it"), movie);
        }

        foreach (var item in serverMovies)
        {
            if (item.Ids.Tmdb is not null) continue;
            if (NonEmpty(item.Ids.Imdb) is { } imdb) AddServerItem(MovieByImdb(imdb), item);
            else AddServerItem(Unmatched(MediaType.Movie, item.Server, item.ItemId, "the media server has no TMDb or IMDb id for it"), item);
        }
    }

    private Node MovieByTmdb(int tmdb, string? imdb)
    {
        if (!moviesByTmdb.TryGetValue(tmdb, out var node))
        {
            node = Add(new Node(MediaType.Movie, $"movie:tmdb:{tmdb.ToString(CultureInfo.InvariantCulture)}") { Tmdb = tmdb });
            moviesByTmdb[tmdb] = node;
        }

        if (NonEmpty(imdb) is { } id)
        {
            node.Imdb ??= id;
            moviesByImdb.TryAdd(id, node);
        }

        return node;
    }

    private Node MovieByImdb(string imdb)
    {
        if (!moviesByImdb.TryGetValue(imdb, out var node))
        {
            node = Add(new Node(MediaType.Movie, $"movie:imdb:{imdb.ToLowerInvariant()}") { Imdb = imdb });
            moviesByImdb[imdb] = node;
        }

        return node;
    }

    private void AddArrMovie(Node node, ArrMovie movie)
    {
        node.Sources.Add(new SourceRef(ServiceKind.Radarr, movie.Instance, movie.Id.ToString(CultureInfo.InvariantCulture), movie.MovieFileId));
        node.SetManagerTitle(movie.Title, movie.Year);
        node.ManagerSize += movie.SizeOnDisk;
        node.AddTags(movie.Tags);
        node.Monitored |= movie.Monitored;
        node.ManagerAdded = Max(node.ManagerAdded, movie.FileImported ?? movie.Added);
    }

    private void AddSeries()
    {
        var serverSeries = new List<MediaServerItem>();
        foreach (var item in snapshot.MediaServerItems)
        {
            if (item.Type == MediaServerItemType.Series) serverSeries.Add(item);
        }

        foreach (var series in snapshot.Series)
        {
            if (series.TvdbId is { } tvdb) AddArrSeries(SeriesByTvdb(tvdb, series.TmdbId, series.ImdbId), series);
        }

        foreach (var item in serverSeries)
        {
            if (item.Ids.Tvdb is { } tvdb) AddServerItem(SeriesByTvdb(tvdb, item.Ids.Tmdb, item.Ids.Imdb), item);
        }

        foreach (var series in snapshot.Series)
        {
            if (series.TvdbId is not null) continue;
            var node = SeriesWithoutTvdb(series.TmdbId, series.ImdbId)
                       ?? Unmatched(MediaType.Series, series.Instance, series.Id.ToString(CultureInfo.InvariantCulture), "Sonarr has no TVDb, TMDb or IMDb id for it");
            AddArrSeries(node, series);
        }

        foreach (var item in serverSeries)
        {
            if (item.Ids.Tvdb is not null) continue;
            var node = SeriesWithoutTvdb(item.Ids.Tmdb, item.Ids.Imdb)
                       ?? Unmatched(MediaType.Series, item.Server, item.ItemId, "the media server has no TVDb, TMDb or IMDb id for it");
            AddServerItem(node, item);
        }
    }

    private Node SeriesByTvdb(int tvdb, int? tmdb, string? imdb)
    {
        if (!seriesByTvdb.TryGetValue(tvdb, out var node))
        {
            node = Add(new Node(MediaType.Series, $"series:tvdb:{tvdb.ToString(CultureInfo.InvariantCulture)}") { Tvdb = tvdb });
            seriesByTvdb[tvdb] = node;
        }

        RegisterSeriesAliases(node, tmdb, imdb);
        return node;
    }

    private Node? SeriesWithoutTvdb(int? tmdb, string? imdb)
    {
        var imdbId = NonEmpty(imdb);
        if (tmdb is { } t)
        {
            if (!seriesByTmdb.TryGetValue(t, out var node))
            {
                node = imdbId is not null && seriesByImdb.TryGetValue(imdbId, out var byImdb)
                    ? byImdb
                    : Add(new Node(MediaType.Series, $"series:tmdb:{t.ToString(CultureInfo.InvariantCulture)}"));
            }

            RegisterSeriesAliases(node, t, imdbId);
            return node;
        }

        if (imdbId is null) return null;
        if (!seriesByImdb.TryGetValue(imdbId, out var found))
        {
            found = Add(new Node(MediaType.Series, $"series:imdb:{imdbId.ToLowerInvariant()}"));
            RegisterSeriesAliases(found, null, imdbId);
        }

        return found;
    }

    private void RegisterSeriesAliases(Node node, int? tmdb, string? imdb)
    {
        if (tmdb is { } t)
        {
            node.Tmdb ??= t;
            seriesByTmdb.TryAdd(t, node);
        }

        if (NonEmpty(imdb) is { } i)
        {
            node.Imdb ??= i;
            seriesByImdb.TryAdd(i, node);
        }
    }

    private void AddArrSeries(Node node, ArrSeries series)
    {
        node.Sources.Add(new SourceRef(ServiceKind.Sonarr, series.Instance, series.Id.ToString(CultureInfo.InvariantCulture)));
        node.SetManagerTitle(series.Title, series.Year);
        node.ManagerSize += series.SizeOnDisk;
        node.AddTags(series.Tags);
        node.Monitored |= series.Monitored;
        node.SeriesAdded = Max(node.SeriesAdded, series.Added);
        if (node.Status is null or SeriesStatus.Unknown) node.Status = series.Status;
        arrSeries[(series.Instance, series.Id)] = node;

        if (!node.IsMatched) return;
        foreach (var season in series.Seasons)
        {
            // Seasons without files hold nothing to keep or delete.
            if (season.EpisodeFileCount <= 0 && season.SizeOnDisk <= 0) continue;
            var seasonNode = SeasonOf(node, season.SeasonNumber);
            seasonNode.Sources.Add(new SourceRef(
                ServiceKind.Sonarr,
                series.Instance,
                series.Id.ToString(CultureInfo.InvariantCulture),
                SeriesId: series.Id,
                SeasonNumber: season.SeasonNumber));
            seasonNode.ManagerSize += season.SizeOnDisk;
            seasonNode.Monitored |= season.Monitored;
        }
    }

    private void AddSeasonsAndEpisodes()
    {
        foreach (var episode in snapshot.Episodes)
        {
            if (!episode.HasFile) continue;
            if (!arrSeries.TryGetValue((episode.Instance, episode.SeriesId), out var series) || !series.IsMatched)
            {
                var orphan = Unmatched(MediaType.Episode, episode.Instance, episode.Id.ToString(CultureInfo.InvariantCulture), "its series could not be matched");
                AddArrEpisode(orphan, episode);
                continue;
            }

            AddArrEpisode(EpisodeOf(series, episode.SeasonNumber, episode.EpisodeNumber), episode);
        }

        foreach (var item in snapshot.MediaServerItems)
        {
            if (item.Type is not (MediaServerItemType.Season or MediaServerItemType.Episode)) continue;
            Node? series = null;
            if (item.SeriesId is { } seriesId && serverItems.TryGetValue((item.Server, seriesId), out var s) && s.IsMatched)
            {
                series = s;
            }

            var type = item.Type == MediaServerItemType.Season ? MediaType.Season : MediaType.Episode;
            if (series is null)
            {
                AddServerItem(Unmatched(type, item.Server, item.ItemId, "its series could not be matched"), item);
            }
            else if (item.SeasonNumber is not { } season || (type == MediaType.Episode && item.EpisodeNumber is null))
            {
                AddServerItem(Unmatched(type, item.Server, item.ItemId, "the media server has no season or episode number for it"), item);
            }
            else
            {
                var node = type == MediaType.Season ? SeasonOf(series, season) : EpisodeOf(series, season, item.EpisodeNumber!.Value);
                AddServerItem(node, item);
            }
        }
    }

    private void AddArrEpisode(Node node, ArrEpisode episode)
    {
        node.Sources.Add(new SourceRef(
            ServiceKind.Sonarr,
            episode.Instance,
            episode.Id.ToString(CultureInfo.InvariantCulture),
            episode.EpisodeFileId,
            episode.SeriesId,
            episode.SeasonNumber));
        if (episode.Title is not null) node.SetManagerTitle(episode.Title, null);
        node.ManagerSize += episode.FileSize ?? 0;
        node.Monitored |= episode.Monitored;
        node.ManagerAdded = Max(node.ManagerAdded, episode.FileImported);
        node.AirDate ??= episode.AirDateUtc;
        node.SeasonNumber ??= episode.SeasonNumber;
        node.EpisodeNumber ??= episode.EpisodeNumber;

        // A series or season "arrived" with its latest episode file.
        if (node.Parent is { } season)
        {
            season.ManagerAdded = Max(season.ManagerAdded, episode.FileImported);
            if (season.Parent is { } series) series.ManagerAdded = Max(series.ManagerAdded, episode.FileImported);
        }
    }

    private Node SeasonOf(Node series, int seasonNumber)
    {
        series.Seasons ??= [];
        if (!series.Seasons.TryGetValue(seasonNumber, out var season))
        {
            season = Add(new Node(MediaType.Season, string.Concat("season:", SeriesKey(series), ":s", Number.Two(seasonNumber)))
            {
                Parent = series,
                SeasonNumber = seasonNumber,
            });
            series.Seasons[seasonNumber] = season;
        }

        return season;
    }

    private Node EpisodeOf(Node series, int seasonNumber, int episodeNumber)
    {
        var season = SeasonOf(series, seasonNumber);
        season.Episodes ??= [];
        if (!season.Episodes.TryGetValue(episodeNumber, out var episode))
        {
            episode = Add(new Node(MediaType.Episode, string.Concat("episode:", SeriesKey(series), ":s", Number.Two(seasonNumber), "e", Number.Two(episodeNumber)))
            {
                Parent = season,
                SeasonNumber = seasonNumber,
                EpisodeNumber = episodeNumber,
            });
            season.Episodes[episodeNumber] = episode;
        }

        return episode;
    }

    private static string SeriesKey(Node series) => series.Key ??= series.Id["series:".Length..];

    private void AddServerItem(Node node, MediaServerItem item)
    {
        if (!serverItems.TryAdd((item.Server, item.ItemId), node)) return;
        node.Sources.Add(new SourceRef(KindOf(item.Server, ServiceKind.Jellyfin), item.Server, item.ItemId));
        node.SetServerTitle(item.Name, item.Year);
        if (item.Size is { } size && size > node.ServerSize) node.ServerSize = size;
        node.ServerAdded = Max(node.ServerAdded, item.DateCreated);
        node.Servers ??= [];
        if (!node.Servers.Contains(item.Server)) node.Servers.Add(item.Server);
    }

    private void AddWatchState()
    {
        foreach (var state in snapshot.WatchStates)
        {
            if (!serverItems.TryGetValue((state.Server, state.ItemId), out var node)) continue;
            var user = node.User(state.UserName);
            user.Played |= state.Played;
            user.PlayCount = Math.Max(user.PlayCount, state.PlayCount);
            user.LastPlayed = Max(user.LastPlayed, state.LastPlayed);
            user.InProgress |= state.PlaybackPositionTicks > 0 && !state.Played;
            user.Favorite |= state.IsFavorite;
        }

        foreach (var entry in snapshot.History)
        {
            if (!serverItems.TryGetValue((entry.MediaServer, entry.ItemId), out var node)
                && (entry.SeriesItemId is null || !serverItems.TryGetValue((entry.MediaServer, entry.SeriesItemId), out node)))
            {
                continue;
            }

            var user = node.User(entry.UserName);
            user.LastPlayed = Max(user.LastPlayed, entry.WatchedAt);
            if (entry.Completed)
            {
                user.Played = true;
                user.HistoryPlays++;
            }
        }

        foreach (var playing in snapshot.NowPlaying)
        {
            if (serverItems.TryGetValue((playing.Server, playing.ItemId), out var node))
            {
                node.User(playing.UserName).Playing = true;
            }
        }
    }

    private void AddRequests()
    {
        var requestsKnown = true;
        foreach (var failure in snapshot.Failures)
        {
            if (failure.IsRequests) requestsKnown = false;
        }

        if (!requestsKnown)
        {
            foreach (var node in nodes) node.RequestsKnown = false;
            foreach (var node in unmatched) node.RequestsKnown = false;
        }

        foreach (var request in snapshot.Requests)
        {
            Node? node = null;
            if (request.MediaType == RequestedMediaType.Movie)
            {
                if (request.TmdbId is { } tmdb) moviesByTmdb.TryGetValue(tmdb, out node);
            }
            else if (request.TvdbId is { } tvdb && seriesByTvdb.TryGetValue(tvdb, out var byTvdb))
            {
                node = byTvdb;
            }
            else if (request.TmdbId is { } tmdb)
            {
                seriesByTmdb.TryGetValue(tmdb, out node);
            }

            if (node is null) continue;
            (node.Requests ??= []).Add(new ItemRequest(
                request.Instance,
                request.RequestId,
                request.MediaId,
                request.RequesterName,
                request.RequesterEmail,
                request.CreatedAt,
                request.Status));
        }
    }

    private void AggregateEpisodesIntoParents()
    {
        foreach (var node in nodes)
        {
            if (node.Type != MediaType.Episode || node.Users is null) continue;
            var season = node.Parent;
            var series = season?.Parent;
            foreach (var user in node.Users)
            {
                if (season is not null) season.User(user.Name).AddChild(user);
                if (series is not null) series.User(user.Name).AddChild(user);
            }
        }
    }

    private void MarkUnknownWatchState()
    {
        List<string>? everything = null;
        Dictionary<string, List<string>>? byServer = null;
        foreach (var failure in snapshot.Failures)
        {
            // A failed media server could know any item (its items are missing too); a failed statistics source knows
            // the items of the server it records, or any item when that is not known.
            if (failure.IsMediaServer || (failure.IsStatistics && failure.MediaServer is null))
            {
                (everything ??= []).Add(failure.Source);
            }
            else if (failure.IsStatistics)
            {
                byServer ??= new Dictionary<string, List<string>>(StringComparer.Ordinal);
                if (!byServer.TryGetValue(failure.MediaServer!, out var list)) byServer[failure.MediaServer!] = list = [];
                list.Add(failure.Source);
            }
        }

        if (everything is null && byServer is null) return;

        foreach (var node in nodes) MarkUnknown(node, everything, byServer);
        foreach (var node in unmatched) MarkUnknown(node, everything, byServer);

        // Deleting a series or season deletes its episodes: unknown below is unknown above.
        foreach (var node in nodes)
        {
            if (node.Type != MediaType.Episode || node.UnknownBecause is null) continue;
            for (var parent = node.Parent; parent is not null; parent = parent.Parent)
            {
                foreach (var source in node.UnknownBecause) parent.AddUnknown(source);
            }
        }
    }

    private static void MarkUnknown(Node node, List<string>? everything, Dictionary<string, List<string>>? byServer)
    {
        if (everything is not null)
        {
            foreach (var source in everything) node.AddUnknown(source);
        }

        if (byServer is null || node.Servers is null) return;
        foreach (var server in node.Servers)
        {
            if (!byServer.TryGetValue(server, out var sources)) continue;
            foreach (var source in sources) node.AddUnknown(source);
        }
    }

    private ServiceKind KindOf(string instance, ServiceKind fallback) =>
        snapshot.SourceKinds.TryGetValue(instance, out var kind) ? kind : fallback;

    private Node Add(Node node)
    {
        nodes.Add(node);
        return node;
    }

    private Node Unmatched(MediaType type, string instance, string id, string reason)
    {
        // A source can list the same record twice (paging while the library changes): one item per id.
        var key = $"unmatched:{instance}:{type.ToString().ToLowerInvariant()}:{id}";
        if (unmatchedById.TryGetValue(key, out var existing)) return existing;
        var node = new Node(type, key)
        {
            IsMatched = false,
            UnmatchedReason = reason,
        };
        unmatched.Add(node);
        unmatchedById[key] = node;
        return node;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static DateTimeOffset? Max(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a > b ? a : b;

    /// <summary>A mutable item while the joins run.</summary>
    private sealed class Node(MediaType type, string id)
    {
        public MediaType Type { get; } = type;

        public string Id { get; } = id;

        public bool IsMatched { get; init; } = true;

        public string? UnmatchedReason { get; init; }

        public Node? Parent { get; init; }

        /// <summary>For a series: its id without the <c>series:</c> prefix, the stem of its seasons' and episodes' ids.</summary>
        public string? Key { get; set; }

        public Dictionary<int, Node>? Seasons { get; set; }

        public Dictionary<int, Node>? Episodes { get; set; }

        public int? Tmdb { get; set; }

        public string? Imdb { get; set; }

        public int? Tvdb { get; set; }

        public int? SeasonNumber { get; set; }

        public int? EpisodeNumber { get; set; }

        public SeriesStatus? Status { get; set; }

        public DateTimeOffset? AirDate { get; set; }

        public List<SourceRef> Sources { get; } = [];

        public List<string>? Servers { get; set; }

        public long ManagerSize { get; set; }

        public long ServerSize { get; set; }

        public DateTimeOffset? ManagerAdded { get; set; }

        public DateTimeOffset? SeriesAdded { get; set; }

        public DateTimeOffset? ServerAdded { get; set; }

        public bool Monitored { get; set; }

        public bool RequestsKnown { get; set; } = true;

        public List<ItemRequest>? Requests { get; set; }

        public List<UserNode>? Users { get; private set; }

        public List<string>? UnknownBecause { get; private set; }

        private string? managerTitle;
        private string? serverTitle;
        private int? managerYear;
        private int? serverYear;
        private List<string>? tags;

        public void SetManagerTitle(string title, int? year)
        {
            managerTitle ??= title;
            managerYear ??= year;
        }

        public void SetServerTitle(string title, int? year)
        {
            serverTitle ??= title;
            serverYear ??= year;
        }

        public void AddTags(IReadOnlyList<string> labels)
        {
            foreach (var label in labels)
            {
                tags ??= [];
                if (!tags.Contains(label, StringComparer.OrdinalIgnoreCase)) tags.Add(label);
            }
        }

        private string[]? tagArray;
        private ItemRequest[]? requestArray;

        // Seasons and episodes share their series' arrays: one copy per series, not per episode.
        public string[] TagArray() => tagArray ??= tags?.ToArray() ?? [];

        public ItemRequest[] RequestArray() => requestArray ??= Requests?.ToArray() ?? [];

        public UserNode User(string name)
        {
            Users ??= [];
            foreach (var user in Users)
            {
                if (string.Equals(user.Name, name, StringComparison.OrdinalIgnoreCase)) return user;
            }

            var created = new UserNode(name);
            Users.Add(created);
            return created;
        }

        public void AddUnknown(string source)
        {
            UnknownBecause ??= [];
            if (!UnknownBecause.Contains(source)) UnknownBecause.Add(source);
        }

        public LibraryItem ToItem()
        {
            var series = Type switch
            {
                MediaType.Season => Parent,
                MediaType.Episode => Parent?.Parent,
                _ => null,
            };

            var title = managerTitle ?? serverTitle ?? (series is null ? Id : null);
            if (series is not null)
            {
                var seriesTitle = series.managerTitle ?? series.serverTitle ?? series.Id;
                title = Type == MediaType.Season
                    ? string.Concat(seriesTitle, " – Season ", Number.Two(SeasonNumber ?? 0))
                    : title is null
                        ? string.Concat(seriesTitle, " – S", Number.Two(SeasonNumber ?? 0), "E", Number.Two(EpisodeNumber ?? 0))
                        : string.Concat(string.Concat(seriesTitle, " – S", Number.Two(SeasonNumber ?? 0), "E", Number.Two(EpisodeNumber ?? 0)), " – ", title);
            }

            var hasManager = false;
            foreach (var source in Sources) hasManager |= source.IsManager;

            UserWatch[] users = [];
            if (Users is not null)
            {
                users = new UserWatch[Users.Count];
                for (var i = 0; i < users.Length; i++) users[i] = Users[i].ToWatch();
            }

            return new LibraryItem
            {
                Id = Id,
                Type = Type,
                Title = title ?? Id,
                Year = managerYear ?? serverYear ?? (series is null ? null : series.managerYear ?? series.serverYear),
                TmdbId = series?.Tmdb ?? Tmdb,
                ImdbId = series?.Imdb ?? Imdb,
                TvdbId = series?.Tvdb ?? Tvdb,
                ParentId = Parent?.Id,
                SeriesItemId = series?.Id,
                SeasonNumber = SeasonNumber,
                EpisodeNumber = EpisodeNumber,
                SeriesStatus = series?.Status ?? Status,
                AirDate = AirDate,
                Sources = Sources.ToArray(),
                SizeBytes = hasManager ? ManagerSize : ServerSize,
                Tags = (series ?? this).TagArray(),
                Added = ManagerAdded ?? SeriesAdded ?? series?.SeriesAdded ?? ServerAdded,
                Monitored = Monitored,
                Requests = (series ?? this).RequestArray(),
                RequestsKnown = RequestsKnown,
                Watch = users.Length == 0 && UnknownBecause is null
                    ? WatchSummary.Empty
                    : new WatchSummary(users, UnknownBecause?.ToArray()),
                IsMatched = IsMatched,
                UnmatchedReason = UnmatchedReason,
            };
        }
    }

    private sealed class UserNode(string name)
    {
        public string Name { get; } = name;

        public bool Played { get; set; }

        public int PlayCount { get; set; }

        public int HistoryPlays { get; set; }

        public int ChildPlays { get; set; }

        public DateTimeOffset? LastPlayed { get; set; }

        public bool InProgress { get; set; }

        public bool Favorite { get; set; }

        public bool Playing { get; set; }

        public void AddChild(UserNode child)
        {
            ChildPlays += child.OwnPlays;
            LastPlayed = Max(LastPlayed, child.LastPlayed);
            InProgress |= child.InProgress;
            Playing |= child.Playing;
        }

        // Statistics sources record the plays the server counts: the larger count, not the sum.
        private int OwnPlays => Math.Max(PlayCount, HistoryPlays);

        public UserWatch ToWatch() =>
            new(Name, Played, Math.Max(OwnPlays, ChildPlays), LastPlayed, InProgress, Favorite, Playing);
    }
}

/// <summary>Two-digit numbers without formatting on every call (ids and titles of a hundred thousand episodes).</summary>
internal static class Number
{
    private static readonly string[] Cached = Enumerable.Range(0, 100).Select(i => i.ToString("00", CultureInfo.InvariantCulture)).ToArray();

    public static string Two(int value) => value is >= 0 and < 100 ? Cached[value] : value.ToString("00", CultureInfo.InvariantCulture);
}
