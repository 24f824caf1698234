using System.Globalization;
using Cleanup.Engine.Sources;

namespace Cleanup.Integrations.Plex;

/// <summary>Turns Plex metadata into engine records; odd values become null plus a <see cref="DataIssue"/>.</summary>
internal static class PlexItemMapping
{
    public static MediaServerItemType? TypeOf(string? type) => type switch
    {
        "movie" => MediaServerItemType.Movie,
        "show" => MediaServerItemType.Series,
        "season" => MediaServerItemType.Season,
        "episode" => MediaServerItemType.Episode,
        _ => null,
    };

    public static MediaServerItem? ToItem(string server, PlexMetadata m, DataIssueLog issues)
    {
        if (m.RatingKey is not { } key || TypeOf(m.Type) is not { } type)
        {
            if (m.RatingKey is null)
            {
                issues.Report("(none)", "ratingKey", null, $"{m.Type ?? "item"} '{m.Title}' has no ratingKey; skipped");
            }

            return null;
        }

        var parts = (m.Media ?? []).SelectMany(media => media.Part ?? []).ToList();
        long? size = null;
        foreach (var part in parts)
        {
            if (part.Size is { } s and >= 0)
            {
                size = (size ?? 0) + s;
            }
        }

        var isEpisode = type == MediaServerItemType.Episode;
        return new MediaServerItem(
            server,
            key,
            type,
            m.Title ?? string.Empty,
            m.Year is { } y and >= 1800 and <= 2200 ? (int)y : Reject(m.Year, key, issues),
            ProviderIdsOf(m.Guid, key, issues),
            isEpisode ? m.GrandparentRatingKey : null,
            isEpisode ? ToInt(m.ParentIndex) : null,
            isEpisode ? ToInt(m.Index) : null,
            size,
            issues.FromUnixSeconds(m.AddedAt, key, "addedAt"),
            parts.Select(p => p.File).FirstOrDefault(f => !string.IsNullOrEmpty(f)));
    }

    /// <summary>Plex lists external ids as <c>Guid[{id:"tmdb://603"}]</c> (with <c>includeGuids=1</c>).</summary>
    public static ProviderIds ProviderIdsOf(IReadOnlyList<PlexGuid>? guids, string itemId, DataIssueLog issues)
    {
        int? tmdb = null, tvdb = null;
        string? imdb = null;
        foreach (var id in (guids ?? []).Select(g => g.Id).OfType<string>())
        {
            var separator = id.IndexOf("://", StringComparison.Ordinal);
            if (separator <= 0)
            {
                continue;
            }

            var (scheme, value) = (id[..separator].ToLowerInvariant(), id[(separator + 3)..].Trim());
            switch (scheme)
            {
                case "imdb" when value.Length > 0:
                    imdb = value;
                    break;
                case "tmdb":
                    tmdb = ParseId(value, itemId, "Guid.tmdb", issues);
                    break;
                case "tvdb":
                    tvdb = ParseId(value, itemId, "Guid.tvdb", issues);
                    break;
            }
        }

        return new ProviderIds(tmdb, imdb, tvdb);
    }

    private static int? ParseId(string text, string itemId, string field, DataIssueLog issues)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
        {
            return id;
        }

        issues.Report(itemId, field, text, "not a numeric id; ignored");
        return null;
    }

    private static int? Reject(long? year, string itemId, DataIssueLog issues)
    {
        if (year is { } y)
        {
            issues.Report(itemId, "year", y.ToString(CultureInfo.InvariantCulture), "implausible year; ignored");
        }

        return null;
    }

    public static int? ToInt(long? value) => value is { } v and >= int.MinValue and <= int.MaxValue ? (int)v : null;
}
