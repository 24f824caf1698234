namespace Cleanup.Engine.Sources;

/// <summary>A movie as one Radarr instance knows it (<c>GET /api/v3/movie</c>).</summary>
/// <param name="Instance">Configured Radarr instance name.</param>
/// <param name="Id">Radarr's movie id (only meaningful within <paramref name="Instance"/>).</param>
/// <param name="Added">When Radarr added the movie; null when Radarr sent nothing usable (e.g. year 1).</param>
/// <param name="FileImported">When the current file was imported (<c>movieFile.dateAdded</c>); null without a file.</param>
/// <param name="Tags">Tag labels (resolved from ids through <c>GET /api/v3/tag</c>).</param>
public sealed record ArrMovie(
    string Instance,
    int Id,
    string Title,
    int? Year,
    int? TmdbId,
    string? ImdbId,
    DateTimeOffset? Added,
    DateTimeOffset? FileImported,
    long SizeOnDisk,
    bool HasFile,
    bool Monitored,
    IReadOnlyList<string> Tags,
    string? Path = null,
    int? MovieFileId = null);
