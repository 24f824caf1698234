using System.Globalization;
using Cleanup.Engine.Sources;

namespace Cleanup.Integrations.Jellyfin;

/// <summary>Turns Jellyfin/Emby <c>BaseItemDto</c>s into engine records; odd values become null plus a <see cref="DataIssue"/>.</summary>
internal static class JellyfinItemMapping
{
    public static MediaServerItemType? TypeOf(string? type) => type switch
    {
        "Movie" => MediaServerItemType.Movie,
        "Series" => MediaServerItemType.Series,
        "Season" => MediaServerItemType.Season,
        "Episode" => MediaServerItemType.Episode,
        _ => null,
    };

    public static MediaServerItem? ToItem(string server, JellyfinItemDto dto, DataIssueLog issues)
    {
        if (dto.Id is not { } id || TypeOf(dto.Type) is not { } type)
        {
            if (dto.Id is null)
            {
                issues.Report("(none)", "Id", null, $"{dto.Type ?? "item"} '{dto.Name}' has no id; skipped");
            }

            return null;
        }

        var isEpisode = type == MediaServerItemType.Episode;
        return new MediaServerItem(
            server,
            id,
            type,
            dto.Name ?? string.Empty,
            Year(dto.ProductionYear, id, issues),
            ProviderIdsOf(dto.ProviderIds, id, issues),
            type is MediaServerItemType.Episode or MediaServerItemType.Season ? dto.SeriesId : null,
            isEpisode ? ToInt(dto.ParentIndexNumber) : type == MediaServerItemType.Season ? ToInt(dto.IndexNumber) : null,
            isEpisode ? ToInt(dto.IndexNumber) : null,
            SizeOf(dto.MediaSources),
            issues.ParseIso(dto.DateCreated, id, "DateCreated"),
            string.IsNullOrEmpty(dto.Path) ? null : dto.Path);
    }

    /// <summary>Sum of the media sources' sizes; null when the server reported none (folders, or no file).</summary>
    public static long? SizeOf(IReadOnlyList<JellyfinMediaSource>? sources)
    {
        long? total = null;
        foreach (var source in sources ?? [])
        {
            if (source.Size is { } size and >= 0)
            {
                total = (total ?? 0) + size;
            }
        }

        return total;
    }

    public static ProviderIds ProviderIdsOf(Dictionary<string, string?>? ids, string itemId, DataIssueLog issues)
    {
        if (ids is null || ids.Count == 0)
        {
            return new ProviderIds(null, null, null);
        }

        var lookup = new Dictionary<string, string?>(ids, StringComparer.OrdinalIgnoreCase);
        var imdb = lookup.GetValueOrDefault("Imdb");
        return new ProviderIds(
            ParseId(lookup.GetValueOrDefault("Tmdb"), itemId, "ProviderIds.Tmdb", issues),
            string.IsNullOrWhiteSpace(imdb) ? null : imdb.Trim(),
            ParseId(lookup.GetValueOrDefault("Tvdb"), itemId, "ProviderIds.Tvdb", issues));
    }

    private static int? ParseId(string? text, string itemId, string field, DataIssueLog issues)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
        {
            return id;
        }

        issues.Report(itemId, field, text, "not a numeric id; ignored");
        return null;
    }

    private static int? Year(long? year, string itemId, DataIssueLog issues)
    {
        if (year is not { } y)
        {
            return null;
        }

        if (y is < 1800 or > 2200)
        {
            issues.Report(itemId, "ProductionYear", y.ToString(CultureInfo.InvariantCulture), "implausible year; ignored");
            return null;
        }

        return (int)y;
    }

    public static int? ToInt(long? value) => value is { } v and >= int.MinValue and <= int.MaxValue ? (int)v : null;
}
