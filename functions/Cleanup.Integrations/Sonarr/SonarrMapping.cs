using System.Globalization;
using Cleanup.Engine.Sources;
using Cleanup.Integrations.Http;

namespace Cleanup.Integrations.Sonarr;

/// <summary>Sonarr's series, episode and episode file JSON to the engine's records.</summary>
internal static class SonarrMapping
{
    public static ArrSeries? ToArrSeries(SeriesResource series, IReadOnlyDictionary<int, string> tagLabels, string instance, IssueRecorder issues)
    {
        var item = $"series {series.Id} '{series.Title}'";
        if (series.Id <= 0)
        {
            issues.Record(item, "id", series.Id.ToString(CultureInfo.InvariantCulture), "series without an id; skipped");
            return null;
        }

        var tags = new List<string>(series.Tags?.Count ?? 0);
        foreach (var id in series.Tags ?? [])
        {
            // An unknown tag id could be an exclusion we cannot see: the read as a whole is not trustworthy.
            tags.Add(tagLabels.TryGetValue(id, out var label)
                ? label
                : throw new SourceReadException(instance, ServiceKind.Sonarr, $"series {series.Id} has tag id {id} that GET /api/v3/tag does not list"));
        }

        var seasons = (series.Seasons ?? [])
            .OrderBy(s => s.SeasonNumber)
            .Select(s => ToArrSeason(s, item, issues))
            .ToList();

        return new ArrSeries(
            instance,
            series.Id,
            series.Title ?? string.Empty,
            series.Year is > 0 ? series.Year : null,
            series.TvdbId is > 0 ? series.TvdbId : null,
            series.TmdbId is > 0 ? series.TmdbId : null,
            string.IsNullOrWhiteSpace(series.ImdbId) ? null : series.ImdbId,
            issues.Happened(series.Added, item, "added", expected: true),
            Status(series.Status, item, issues),
            series.Monitored ?? Missing(issues, item, "monitored"),
            tags,
            series.Statistics?.SizeOnDisk ?? seasons.Sum(s => s.SizeOnDisk),
            seasons,
            series.Path);
    }

    public static SeriesStatus Status(string? status, string item, IssueRecorder issues)
    {
        switch (status?.ToLowerInvariant())
        {
            case "continuing": return SeriesStatus.Continuing;
            case "ended": return SeriesStatus.Ended;
            case "upcoming": return SeriesStatus.Upcoming;
            case "deleted": return SeriesStatus.Deleted;
            default:
                issues.Record(item, "status", status, "unknown series status; treated as Unknown");
                return SeriesStatus.Unknown;
        }
    }

    /// <summary>Joins one series' episodes with its files (by <c>episodeFileId</c>).</summary>
    public static List<ArrEpisode> ToArrEpisodes(int seriesId, List<EpisodeResource> episodes, List<EpisodeFileResource> files, string instance, IssueRecorder issues)
    {
        var byId = new Dictionary<int, EpisodeFileResource>(files.Count);
        foreach (var file in files)
        {
            byId[file.Id] = file;
        }

        var result = new List<ArrEpisode>(episodes.Count);
        foreach (var e in episodes)
        {
            var item = $"series {seriesId} episode {e.Id} (S{e.SeasonNumber:00}E{e.EpisodeNumber:00})";
            if (e.SeriesId != 0 && e.SeriesId != seriesId)
            {
                issues.Record(item, "seriesId", e.SeriesId.ToString(CultureInfo.InvariantCulture), $"episode of another series in the answer for series {seriesId}; skipped");
                continue;
            }

            var fileId = e.EpisodeFileId is > 0 ? e.EpisodeFileId : null;
            EpisodeFileResource? file = null;
            if (fileId is { } fid && !byId.TryGetValue(fid, out file))
            {
                issues.Record(item, "episodeFileId", fid.ToString(CultureInfo.InvariantCulture), "file not in GET /episodefile for the series; size and import date unknown");
            }

            result.Add(new ArrEpisode(
                instance,
                e.Id,
                seriesId,
                e.SeasonNumber,
                e.EpisodeNumber,
                e.Title,
                issues.Scheduled(e.AirDateUtc, item, "airDateUtc"),
                e.HasFile ?? fileId is not null,
                e.Monitored ?? Missing(issues, item, "monitored"),
                fileId,
                file?.Size,
                file is null ? null : issues.Happened(file.DateAdded, item, "episodeFile.dateAdded", expected: true)));
        }

        return result;
    }

    private static ArrSeason ToArrSeason(SeasonResource season, string item, IssueRecorder issues)
    {
        var stats = season.Statistics;
        var where = $"{item} season {season.SeasonNumber}";
        return new ArrSeason(
            season.SeasonNumber,
            season.Monitored ?? Missing(issues, where, "monitored"),
            stats?.EpisodeFileCount ?? 0,
            stats?.EpisodeCount ?? 0,
            stats?.TotalEpisodeCount ?? 0,
            stats?.SizeOnDisk ?? 0,
            issues.Scheduled(stats?.PreviousAiring, where, "statistics.previousAiring"),
            issues.Scheduled(stats?.NextAiring, where, "statistics.nextAiring"));
    }

    private static bool Missing(IssueRecorder issues, string item, string field)
    {
        issues.Record(item, field, null, "missing; treated as false");
        return false;
    }
}
