namespace Cleanup.Integrations.Radarr;

// Radarr's JSON, only the fields Cleanup reads. Radarr omits null properties (movieFile is absent without a file),
// so everything that can be missing is nullable; dates stay strings and are read by IssueRecorder.

internal sealed class MovieResource
{
    public int Id { get; init; }
    public string? Title { get; init; }
    public int? Year { get; init; }
    public int? TmdbId { get; init; }
    public string? ImdbId { get; init; }
    public string? Added { get; init; }
    public List<int>? Tags { get; init; }
    public bool? Monitored { get; init; }
    public bool? HasFile { get; init; }
    public long? SizeOnDisk { get; init; }
    public string? Path { get; init; }
    public MovieFileResource? MovieFile { get; init; }
    public MovieStatisticsResource? Statistics { get; init; }
}

internal sealed class MovieFileResource
{
    public int Id { get; init; }
    public long? Size { get; init; }
    public string? DateAdded { get; init; }
}

internal sealed class MovieStatisticsResource
{
    public int? MovieFileCount { get; init; }
    public long? SizeOnDisk { get; init; }
}

internal sealed class TagResource
{
    public int Id { get; init; }
    public string? Label { get; init; }
}

internal sealed class SystemResource
{
    public string? AppName { get; init; }
    public string? Version { get; init; }
}

/// <summary>Body of <c>PUT /api/v3/movie/editor</c>; unset members are left out so Radarr leaves them alone.</summary>
internal sealed class MovieEditorResource
{
    public required IReadOnlyCollection<int> MovieIds { get; init; }
    public bool? Monitored { get; init; }
    public IReadOnlyCollection<int>? Tags { get; init; }
    public string? ApplyTags { get; init; }
}
