using System.Globalization;
using Cleanup.Engine.Sources;
using Cleanup.Integrations.Http;

namespace Cleanup.Integrations.Seerr;

/// <summary>Seerr requests and users to the engine's records.</summary>
internal static class SeerrMapping
{
    /// <returns>null when the request cannot be tied to media (no media, unknown media type); recorded as an issue.</returns>
    public static MediaRequest? ToMediaRequest(RequestResource request, string instance, IssueRecorder issues)
    {
        var item = string.Create(CultureInfo.InvariantCulture, $"request {request.Id}");
        if (request.Media is not { Id: > 0 } media)
        {
            issues.Record(item, "media", null, "request without media; skipped");
            return null;
        }

        RequestedMediaType type;
        switch ((media.MediaType ?? request.Type)?.ToLowerInvariant())
        {
            case "movie": type = RequestedMediaType.Movie; break;
            case "tv": type = RequestedMediaType.Tv; break;
            default:
                issues.Record(item, "media.mediaType", media.MediaType ?? request.Type, "unknown media type; skipped");
                return null;
        }

        var seasons = request.Seasons is { Count: > 0 } s ? s.Select(x => x.SeasonNumber).Order().ToList() : null;
        return new MediaRequest(
            instance,
            request.Id,
            media.Id,
            type,
            media.TmdbId is > 0 ? media.TmdbId : null,
            media.TvdbId is > 0 ? media.TvdbId : null,
            request.RequestedBy is { } user ? DisplayName(user) : "(unknown user)",
            NullIfEmpty(request.RequestedBy?.Email),
            issues.Happened(request.CreatedAt, item, "createdAt", expected: true),
            request.Status,
            request.Is4k ?? false,
            seasons);
    }

    public static SeerrUser ToUser(UserResource user, string instance) =>
        new(instance, user.Id, DisplayName(user), NullIfEmpty(user.Email), user.UserType);

    /// <summary>
    /// Seerr computes displayName as username || plexUsername || jellyfinUsername || email; older servers or
    /// trimmed answers can lack it, so the same chain is applied here, ending at the user id.
    /// </summary>
    public static string DisplayName(UserResource user) =>
        NullIfEmpty(user.DisplayName)
        ?? NullIfEmpty(user.Username)
        ?? NullIfEmpty(user.PlexUsername)
        ?? NullIfEmpty(user.JellyfinUsername)
        ?? NullIfEmpty(user.Email)
        ?? string.Create(CultureInfo.InvariantCulture, $"user {user.Id}");

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
