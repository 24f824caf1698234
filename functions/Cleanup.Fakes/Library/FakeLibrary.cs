namespace Cleanup.Fakes.Library;

/// <summary>
/// One description of a home media library that every fake service serves in its own shapes, so that Radarr,
/// Sonarr, Jellyfin, Plex, Jellyseerr, Jellystat and Tautulli agree with each other the way real ones do.
/// Mutations (a delete through Radarr, an unmonitor) change it for all fakes. Lock <see cref="Sync"/> to read or write.
/// </summary>
public sealed class FakeLibrary(TimeProvider timeProvider)
{
    public TimeProvider TimeProvider { get; } = timeProvider;

    /// <summary>Guards every list below: fakes serve requests concurrently.</summary>
    public object Sync { get; } = new();

    public List<FakeMovie> Movies { get; } = [];

    public List<FakeSeries> Series { get; } = [];

    public List<FakeUser> Users { get; } = [];

    /// <summary>Per-user state of an item (played, favorite...), keyed by <see cref="FakeKeys"/>.</summary>
    public List<FakeWatch> Watches { get; } = [];

    public List<FakeRequest> Requests { get; } = [];

    /// <summary>Who is playing what right now (item key).</summary>
    public List<(string User, string ItemKey)> NowPlaying { get; } = [];

    /// <summary>Tag labels in id order (id = index + 1), shared by Radarr and Sonarr.</summary>
    public List<string> Tags { get; } = [];

    /// <summary>
    /// A fingerprint of everything the fakes derive views from (items, files, deletions, watch state). Cheap next to
    /// building a view: one pass over plain fields. Call under <see cref="Sync"/>.
    /// </summary>
    public long ContentVersion()
    {
        var hash = new HashCode();
        hash.Add(Movies.Count);
        foreach (var m in Movies)
        {
            hash.Add(m.Deleted);
            hash.Add(m.HasFile);
        }

        foreach (var s in Series)
        {
            hash.Add(s.Deleted);
            hash.Add(s.Episodes.Count);
            foreach (var e in s.Episodes)
            {
                hash.Add(e.HasFile);
            }
        }

        hash.Add(Watches.Count);
        foreach (var w in Watches)
        {
            hash.Add(w.Played);
            hash.Add(w.PlayCount);
            hash.Add(w.LastPlayed);
            hash.Add(w.PositionTicks);
        }

        return ((long)hash.ToHashCode() << 32) | (uint)(Movies.Count + Series.Count + Watches.Count);
    }

    public int TagId(string label)
    {
        var i = Tags.FindIndex(t => string.Equals(t, label, StringComparison.OrdinalIgnoreCase));
        if (i < 0)
        {
            Tags.Add(label);
            i = Tags.Count - 1;
        }

        return i + 1;
    }

    public FakeMovie AddMovie(int tmdbId, string? imdbId, string title, int year, DateTimeOffset added, long size, params string[] tags)
    {
        var movie = new FakeMovie
        {
            Id = Movies.Count + 1, TmdbId = tmdbId, ImdbId = imdbId, Title = title, Year = year, Added = added,
            FileAdded = added, SizeBytes = size, HasFile = size > 0, Tags = [.. tags],
        };
        foreach (var t in tags)
        {
            TagId(t);
        }

        Movies.Add(movie);
        return movie;
    }

    public FakeSeries AddSeries(int tvdbId, int? tmdbId, string? imdbId, string title, int year, DateTimeOffset added, string status, params string[] tags)
    {
        var series = new FakeSeries
        {
            Id = Series.Count + 1, TvdbId = tvdbId, TmdbId = tmdbId, ImdbId = imdbId, Title = title, Year = year,
            Added = added, Status = status, Tags = [.. tags],
        };
        foreach (var t in tags)
        {
            TagId(t);
        }

        Series.Add(series);
        return series;
    }

    public FakeWatch Watch(string user, string itemKey, DateTimeOffset? lastPlayed, bool played = true, int playCount = 1, long positionTicks = 0, bool favorite = false)
    {
        var watch = new FakeWatch { User = user, ItemKey = itemKey, LastPlayed = lastPlayed, Played = played, PlayCount = playCount, PositionTicks = positionTicks, Favorite = favorite };
        Watches.Add(watch);
        return watch;
    }
}

/// <summary>Stable keys that identify an item across all fakes.</summary>
public static class FakeKeys
{
    public static string Movie(int tmdbId) => $"movie:{tmdbId}";

    public static string Series(int tvdbId) => $"series:{tvdbId}";

    public static string Season(int tvdbId, int season) => $"season:{tvdbId}:{season}";

    public static string Episode(int tvdbId, int season, int episode) => $"episode:{tvdbId}:{season}:{episode}";

    /// <summary>A Jellyfin-style N-format GUID derived from a key, so every fake gives an item the same id.</summary>
    public static string JellyfinId(string key)
    {
        var hash = System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(key));
        return new Guid(hash).ToString("N");
    }

    /// <summary>A Plex-style numeric ratingKey derived from a key.</summary>
    public static int PlexRatingKey(string key)
    {
        var hash = System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(key));
        return (BitConverter.ToInt32(hash, 0) & 0x3FFFFFFF) + 1000;
    }
}

public sealed class FakeMovie
{
    /// <summary>Radarr's id.</summary>
    public int Id { get; init; }
    public int TmdbId { get; init; }
    public string? ImdbId { get; init; }
    public required string Title { get; init; }
    public int Year { get; init; }
    public DateTimeOffset Added { get; set; }
    public DateTimeOffset? FileAdded { get; set; }
    public long SizeBytes { get; set; }
    public bool HasFile { get; set; }
    public bool Monitored { get; set; } = true;
    public List<string> Tags { get; set; } = [];
    /// <summary>Deleted through Radarr: no longer served by any fake.</summary>
    public bool Deleted { get; set; }
    public string Key => FakeKeys.Movie(TmdbId);
}

public sealed class FakeSeries
{
    /// <summary>Sonarr's id.</summary>
    public int Id { get; init; }
    public int TvdbId { get; init; }
    public int? TmdbId { get; init; }
    public string? ImdbId { get; init; }
    public required string Title { get; init; }
    public int Year { get; init; }
    public DateTimeOffset Added { get; set; }
    /// <summary>Sonarr's status: continuing, ended, upcoming.</summary>
    public string Status { get; set; } = "ended";
    public bool Monitored { get; set; } = true;
    public List<string> Tags { get; set; } = [];
    public bool Deleted { get; set; }
    public List<FakeEpisode> Episodes { get; } = [];

    /// <summary>Sonarr's per-season monitored flag; a season not listed is monitored.</summary>
    public Dictionary<int, bool> SeasonMonitored { get; } = [];

    public string Key => FakeKeys.Series(TvdbId);

    public FakeEpisode AddEpisode(int season, int number, string title, DateTimeOffset airDate, long size, DateTimeOffset? fileAdded = null)
    {
        var episode = new FakeEpisode
        {
            Id = (Id * 10_000) + (season * 100) + number, SeriesId = Id, SeriesTvdbId = TvdbId, Season = season, Number = number, Title = title,
            AirDate = airDate, SizeBytes = size, HasFile = size > 0, FileAdded = size > 0 ? fileAdded ?? airDate.AddDays(1) : null,
        };
        Episodes.Add(episode);
        return episode;
    }
}

public sealed class FakeEpisode
{
    /// <summary>Sonarr's episode id; the episode file id is the same number.</summary>
    public int Id { get; init; }
    public int SeriesId { get; init; }
    public int SeriesTvdbId { get; init; }
    public int Season { get; init; }
    public int Number { get; init; }
    public required string Title { get; init; }
    public DateTimeOffset AirDate { get; init; }
    public long SizeBytes { get; set; }
    public bool HasFile { get; set; }
    public DateTimeOffset? FileAdded { get; set; }
    public bool Monitored { get; set; } = true;
    public string Key => FakeKeys.Episode(SeriesTvdbId, Season, Number);
}

public sealed record FakeUser(string Name, string? Email = null, bool IsAdministrator = false);

public sealed class FakeWatch
{
    public required string User { get; init; }
    public required string ItemKey { get; init; }
    public bool Played { get; set; }
    public int PlayCount { get; set; }
    public DateTimeOffset? LastPlayed { get; set; }
    public long PositionTicks { get; set; }
    public bool Favorite { get; set; }
}

/// <summary>A Jellyseerr/Overseerr request. <see cref="Id"/> doubles as the Seerr media id.</summary>
public sealed class FakeRequest
{
    public int Id { get; init; }
    public required string User { get; init; }
    public bool IsMovie { get; init; }
    public int TmdbId { get; init; }
    public int? TvdbId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    /// <summary>Request status: 1 pending, 2 approved, 3 declined, 4 failed, 5 completed.</summary>
    public int Status { get; init; } = 2;
    public bool Deleted { get; set; }
}
