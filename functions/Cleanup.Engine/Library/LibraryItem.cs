using Cleanup.Engine.Sources;

namespace Cleanup.Engine.Library;

/// <summary>
/// One movie, series, season or episode as every configured service knows it, joined by provider ids.
/// </summary>
/// <remarks>
/// Ids are stable across runs and instances: <c>movie:tmdb:603</c> (or <c>movie:imdb:tt0133093</c> without a TMDb id),
/// <c>series:tvdb:81189</c> (then <c>series:tmdb:…</c>, <c>series:imdb:…</c>), <c>season:tvdb:81189:s01</c>,
/// <c>episode:tvdb:81189:s01e02</c>. Items no provider id could join get an <c>unmatched:</c> id and
/// <see cref="IsMatched"/> false; they are listed but can never be deleted.
/// </remarks>
public sealed record LibraryItem
{
    public required string Id { get; init; }

    public required MediaType Type { get; init; }

    public required string Title { get; init; }

    public int? Year { get; init; }

    public int? TmdbId { get; init; }

    public string? ImdbId { get; init; }

    public int? TvdbId { get; init; }

    /// <summary>For seasons and episodes: the id of the parent (the series for a season, the season for an episode).</summary>
    public string? ParentId { get; init; }

    /// <summary>For seasons and episodes: the id of the series.</summary>
    public string? SeriesItemId { get; init; }

    public int? SeasonNumber { get; init; }

    public int? EpisodeNumber { get; init; }

    /// <summary>Sonarr's status of the series (for seasons and episodes: of their series).</summary>
    public SeriesStatus? SeriesStatus { get; init; }

    /// <summary>When an episode first aired.</summary>
    public DateTimeOffset? AirDate { get; init; }

    /// <summary>Every service instance that knows the item, with its ids there.</summary>
    public IReadOnlyList<SourceRef> Sources { get; init; } = [];

    /// <summary>Bytes on disk: summed over Radarr/Sonarr instances, or the media server's size when no manager knows it.</summary>
    public long SizeBytes { get; init; }

    /// <summary>Tag labels from Radarr/Sonarr (seasons and episodes carry their series' tags).</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>
    /// When the current file arrived: the latest file import date, falling back to the Radarr/Sonarr added date, then
    /// the media server's creation date. For series and seasons, the latest episode import.
    /// </summary>
    public DateTimeOffset? Added { get; init; }

    /// <summary>Any Radarr/Sonarr instance monitors it.</summary>
    public bool Monitored { get; init; }

    public IReadOnlyList<ItemRequest> Requests { get; init; } = [];

    /// <summary>False when a request source failed this run: the requests listed may be incomplete.</summary>
    public bool RequestsKnown { get; init; } = true;

    public WatchSummary Watch { get; init; } = WatchSummary.Empty;

    /// <summary>False when no provider id could join the item; such items are never deleted.</summary>
    public bool IsMatched { get; init; } = true;

    /// <summary>Why the item could not be matched, in words.</summary>
    public string? UnmatchedReason { get; init; }

    /// <summary>Radarr or Sonarr knows it, so Cleanup can act on it.</summary>
    public bool IsManaged
    {
        get
        {
            for (var i = 0; i < Sources.Count; i++)
            {
                if (Sources[i].IsManager) return true;
            }

            return false;
        }
    }
}
