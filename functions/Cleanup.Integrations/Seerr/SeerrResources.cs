namespace Cleanup.Integrations.Seerr;

// Jellyseerr/Overseerr JSON (TypeORM entities serialized by Express): nulls are sent as null, dates carry
// milliseconds ("2024-05-01T10:20:30.000Z"). Only the fields Cleanup reads; the YAML under-describes the rest.

internal sealed class SeerrPage<T>
{
    public PageInfo? PageInfo { get; init; }
    public List<T>? Results { get; init; }
}

internal sealed class PageInfo
{
    public int? Pages { get; init; }
    public int? PageSize { get; init; }
    public int? Results { get; init; }
    public int? Page { get; init; }
}

internal sealed class RequestResource
{
    public int Id { get; init; }
    public int Status { get; init; }
    public string? Type { get; init; }
    public bool? Is4k { get; init; }
    public string? CreatedAt { get; init; }
    public MediaResource? Media { get; init; }
    public UserResource? RequestedBy { get; init; }
    public List<SeasonRequestResource>? Seasons { get; init; }
}

internal sealed class MediaResource
{
    public int Id { get; init; }
    public string? MediaType { get; init; }
    public int? TmdbId { get; init; }
    public int? TvdbId { get; init; }
    public int? Status { get; init; }
}

internal sealed class UserResource
{
    public int Id { get; init; }
    public string? Email { get; init; }
    public string? Username { get; init; }
    public string? PlexUsername { get; init; }
    public string? JellyfinUsername { get; init; }
    public string? DisplayName { get; init; }
    public int? UserType { get; init; }
}

internal sealed class SeasonRequestResource
{
    public int SeasonNumber { get; init; }
}

internal sealed class StatusResource
{
    public string? Version { get; init; }
}
