using System.Text.Json;
using Cleanup.Engine.Sources;
using Cleanup.Engine.Workflows;

namespace Cleanup.Api.Webhooks;

/// <summary>
/// What the services' webhooks say, reduced to an <see cref="ItemHint"/>; null for events that change nothing
/// Cleanup cares about ("Test", "Grab", "Health"...). Property names are matched case-insensitively: the Jellyfin
/// webhook plugin's template decides its own casing.
/// </summary>
public static class WebhookPayloads
{
    private static readonly HashSet<string> RadarrEvents = new(["Download", "MovieAdded", "MovieDelete", "MovieFileDelete"], StringComparer.OrdinalIgnoreCase);
    private static readonly HashSet<string> SonarrEvents = new(["Download", "SeriesAdd", "SeriesDelete", "EpisodeFileDelete"], StringComparer.OrdinalIgnoreCase);
    private static readonly HashSet<string> JellyfinEvents = new(["PlaybackStop", "UserDataSaved"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Radarr "Connect → Webhook": <c>{ eventType, movie: { id, title, tmdbId } }</c>.</summary>
    public static ItemHint? Radarr(JsonElement body)
    {
        var eventType = String(body, "eventType");
        if (eventType is null || !RadarrEvents.Contains(eventType))
        {
            return null;
        }

        var movie = Property(body, "movie");
        return new ItemHint(ServiceKind.Radarr, eventType, TmdbId: Int(movie, "tmdbId"), Title: String(movie, "title"));
    }

    /// <summary>Sonarr "Connect → Webhook": <c>{ eventType, series: { id, title, tvdbId, tmdbId } }</c>.</summary>
    public static ItemHint? Sonarr(JsonElement body)
    {
        var eventType = String(body, "eventType");
        if (eventType is null || !SonarrEvents.Contains(eventType))
        {
            return null;
        }

        var series = Property(body, "series");
        return new ItemHint(ServiceKind.Sonarr, eventType, TmdbId: Int(series, "tmdbId"), TvdbId: Int(series, "tvdbId"), Title: String(series, "title"));
    }

    /// <summary>Jellyfin webhook plugin (generic destination): <c>{ NotificationType, ItemId, Name }</c>.</summary>
    public static ItemHint? Jellyfin(JsonElement body)
    {
        var type = String(body, "NotificationType");
        if (type is null || !JellyfinEvents.Contains(type))
        {
            return null;
        }

        return new ItemHint(ServiceKind.Jellyfin, type, ItemId: String(body, "ItemId"), Title: String(body, "Name"));
    }

    public static string? EventTypeOf(JsonElement body) => String(body, "eventType") ?? String(body, "NotificationType");

    private static JsonElement? Property(JsonElement? element, string name)
    {
        if (element is not { ValueKind: JsonValueKind.Object } e)
        {
            return null;
        }

        foreach (var property in e.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }

    private static string? String(JsonElement? element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    private static int? Int(JsonElement? element, string name) => Property(element, name) switch
    {
        { ValueKind: JsonValueKind.Number } n when n.TryGetInt32(out var i) && i > 0 => i,
        { ValueKind: JsonValueKind.String } s when int.TryParse(s.GetString(), out var i) && i > 0 => i,
        _ => null,
    };
}
