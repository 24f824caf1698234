namespace Cleanup.Integrations.Sonarr;

// Sonarr's JSON, only the fields Cleanup reads. Like Radarr, Sonarr omits nulls; dates stay strings for IssueRecorder.

internal sealed class SeriesResource
{
    public int Id { get; init; }
    public string? Title { get; init; }
    public int? Year { get; init; }
    public int? TvdbId { get; init; }
    public int? TmdbId { get; init; }
    public string? ImdbId { get; init; }
    public string? Added { get; init; }
    public string? Status { get; init; }
    public bool? Monitored { get; init; }
    public List<int>? Tags { get; init; }
    public string? Path { get; init; }
    public SeriesStatisticsResource? Statistics { get; init; }
    public List<SeasonResource>? Seasons { get; init; }
}

internal sealed class SeriesStatisticsResource
{
    public long? SizeOnDisk { get; init; }
}

internal sealed class SeasonResource
{
    public int SeasonNumber { get; init; }
    public bool? Monitored { get; init; }
    public SeasonStatisticsResource? Statistics { get; init; }
}

internal sealed class SeasonStatisticsResource
{
    public int? EpisodeFileCount { get; init; }
    public int? EpisodeCount { get; init; }
    public int? TotalEpisodeCount { get; init; }
    public long? SizeOnDisk { get; init; }
    public string? PreviousAiring { get; init; }
    public string? NextAiring { get; init; }
}

internal sealed class EpisodeResource
{
    public int Id { get; init; }
    public int SeriesId { get; init; }
    public int? EpisodeFileId { get; init; }
    public int SeasonNumber { get; init; }
    public int EpisodeNumber { get; init; }
    public string? Title { get; init; }
    public string? AirDateUtc { get; init; }
    public bool? HasFile { get; init; }
    public bool? Monitored { get; init; }
}

internal sealed class EpisodeFileResource
{
    public int Id { get; init; }
    public int SeriesId { get; init; }
    public long? Size { get; init; }
    public string? DateAdded { get; init; }
}

internal sealed class TagResource
{
    public int Id { get; init; }
    public string? Label { get; init; }
}

internal sealed class SystemResource
{
    public string? Version { get; init; }
}

internal sealed class EpisodeFileListResource
{
    public required IReadOnlyCollection<int> EpisodeFileIds { get; init; }
}

internal sealed class EpisodesMonitoredResource
{
    public required IReadOnlyCollection<int> EpisodeIds { get; init; }
    public bool Monitored { get; init; }
}

internal sealed class SeriesEditorResource
{
    public required IReadOnlyCollection<int> SeriesIds { get; init; }
    public bool? Monitored { get; init; }
}
