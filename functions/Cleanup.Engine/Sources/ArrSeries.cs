namespace Cleanup.Engine.Sources;

public enum SeriesStatus
{
    Unknown,
    Continuing,
    Ended,
    Upcoming,
    Deleted,
}

/// <summary>A series as one Sonarr instance knows it (<c>GET /api/v3/series</c>), with per-season statistics.</summary>
public sealed record ArrSeries(
    string Instance,
    int Id,
    string Title,
    int? Year,
    int? TvdbId,
    int? TmdbId,
    string? ImdbId,
    DateTimeOffset? Added,
    SeriesStatus Status,
    bool Monitored,
    IReadOnlyList<string> Tags,
    long SizeOnDisk,
    IReadOnlyList<ArrSeason> Seasons,
    string? Path = null);

public sealed record ArrSeason(
    int SeasonNumber,
    bool Monitored,
    int EpisodeFileCount,
    int EpisodeCount,
    int TotalEpisodeCount,
    long SizeOnDisk,
    DateTimeOffset? PreviousAiring,
    DateTimeOffset? NextAiring);

/// <summary>An episode joined with its file (<c>GET /api/v3/episode</c> + <c>/episodefile</c>, one series per call).</summary>
public sealed record ArrEpisode(
    string Instance,
    int Id,
    int SeriesId,
    int SeasonNumber,
    int EpisodeNumber,
    string? Title,
    DateTimeOffset? AirDateUtc,
    bool HasFile,
    bool Monitored,
    int? EpisodeFileId,
    long? FileSize,
    DateTimeOffset? FileImported);
