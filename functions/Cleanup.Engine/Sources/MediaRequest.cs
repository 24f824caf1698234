namespace Cleanup.Engine.Sources;

public enum RequestedMediaType
{
    Movie,
    Tv,
}

/// <summary>A request from Jellyseerr/Overseerr. <paramref name="MediaId"/> is Seerr's internal media id (used to delete).</summary>
public sealed record MediaRequest(
    string Instance,
    int RequestId,
    int MediaId,
    RequestedMediaType MediaType,
    int? TmdbId,
    int? TvdbId,
    string RequesterName,
    string? RequesterEmail,
    DateTimeOffset? CreatedAt,
    int Status,
    bool Is4k = false,
    IReadOnlyList<int>? Seasons = null);
