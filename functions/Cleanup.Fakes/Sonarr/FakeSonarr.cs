using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Cleanup.Engine.Sources;
using Cleanup.Fakes.Hosting;
using Cleanup.Fakes.Library;

namespace Cleanup.Fakes.Sonarr;

/// <summary>
/// Sonarr v3 API (as Sonarr v4 serves it) on loopback, serving the library's series. Like the real one:
/// <c>/episode</c> and <c>/episodefile</c> answer 400 without a series, PUTs answer 202, DELETEs 200 empty,
/// the bulk file delete takes the series from the first file. An episode's file id equals the episode id.
/// </summary>
public sealed class FakeSonarr(FakeLibrary library, string apiKey, string urlBase = "") : FakeService(library, apiKey)
{
    public override ServiceKind Kind => ServiceKind.Sonarr;

    protected override string UrlBase { get; } = NormalizeBase(urlBase);

    protected override bool IsAuthorized(HttpContext context) => ArrShapes.HasKey(context, ApiKey);

    protected override void Map(WebApplication app)
    {
        var api = app.MapGroup(UrlBase + "/api/v3");
        api.MapGet("/system/status", () => ArrShapes.Ok(ArrShapes.SystemStatus(
            "Sonarr", "4.0.14.2939", "2025-04-01T00:00:00Z", "main", migrationVersion: 215, runtimeVersion: "6.0.36", UrlBase, Library.TimeProvider)));

        api.MapGet("/tag", () => ArrShapes.Ok(ArrShapes.Tags(Library)));

        api.MapGet("/series", () =>
        {
            lock (Library.Sync)
            {
                return ArrShapes.Ok(Library.Series.Where(s => !s.Deleted).Select(Series).ToList());
            }
        });

        api.MapGet("/series/{id:int}", (int id) =>
        {
            lock (Library.Sync)
            {
                return Find(id) is { } series ? ArrShapes.Ok(Series(series)) : ArrShapes.Error(404, "NotFound");
            }
        });

        api.MapPut("/series/{id:int}", async (int id, HttpContext context) =>
        {
            using var body = await ArrShapes.ReadBodyAsync(context);
            if (body is null || body.RootElement.ValueKind != JsonValueKind.Object)
            {
                return ArrShapes.Error(400, "Invalid request body");
            }

            lock (Library.Sync)
            {
                if (Find(id) is not { } series)
                {
                    return ArrShapes.Error(404, "NotFound");
                }

                var root = body.RootElement;
                if (ArrShapes.Bool(root, "monitored") is { } monitored)
                {
                    series.Monitored = monitored;
                }

                if (root.TryGetProperty("seasons", out var seasons) && seasons.ValueKind == JsonValueKind.Array)
                {
                    foreach (var season in seasons.EnumerateArray())
                    {
                        if (season.TryGetProperty("seasonNumber", out var n) && ArrShapes.Bool(season, "monitored") is { } m)
                        {
                            var number = n.GetInt32();
                            var changed = SeasonMonitored(series, number) != m;
                            series.SeasonMonitored[number] = m;

                            // Sonarr brings the season's episodes in line when a season's flag changes.
                            if (changed)
                            {
                                foreach (var episode in series.Episodes.Where(e => e.Season == number))
                                {
                                    episode.Monitored = m;
                                }
                            }
                        }
                    }
                }

                return ArrShapes.Ok(Series(series), StatusCodes.Status202Accepted);
            }
        });

        api.MapDelete("/series/{id:int}", (int id, HttpContext context) =>
        {
            lock (Library.Sync)
            {
                if (Find(id) is not { } series)
                {
                    return ArrShapes.Error(404, "NotFound");
                }

                series.Deleted = true;
                if (context.Request.Query["deleteFiles"] == "true")
                {
                    series.Episodes.ForEach(RemoveFile);
                }

                return ArrShapes.Deleted();
            }
        });

        api.MapPut("/series/editor", async (HttpContext context) =>
        {
            using var body = await ArrShapes.ReadBodyAsync(context);
            if (body is null)
            {
                return ArrShapes.Error(400, "Invalid request body");
            }

            var ids = ArrShapes.Ints(body.RootElement, "seriesIds");
            var monitored = ArrShapes.Bool(body.RootElement, "monitored");
            lock (Library.Sync)
            {
                var series = ids.Select(Find).OfType<FakeSeries>().ToList();
                foreach (var s in series)
                {
                    if (monitored is { } m)
                    {
                        s.Monitored = m;
                    }
                }

                return ArrShapes.Ok(series.Select(Series).ToList(), StatusCodes.Status202Accepted);
            }
        });

        api.MapGet("/episode", (HttpContext context) =>
        {
            if (!int.TryParse(context.Request.Query["seriesId"], out var seriesId))
            {
                return ArrShapes.Error(400, "seriesId or episodeIds must be provided");
            }

            var season = int.TryParse(context.Request.Query["seasonNumber"], out var sn) ? sn : (int?)null;
            lock (Library.Sync)
            {
                return Find(seriesId) is { } series
                    ? ArrShapes.Ok(series.Episodes.Where(e => season is null || e.Season == season).Select(e => Episode(series, e)).ToList())
                    : ArrShapes.Error(404, "Series does not exist");
            }
        });

        api.MapPut("/episode/monitor", async (HttpContext context) =>
        {
            using var body = await ArrShapes.ReadBodyAsync(context);
            if (body is null)
            {
                return ArrShapes.Error(400, "Invalid request body");
            }

            var ids = ArrShapes.Ints(body.RootElement, "episodeIds").ToHashSet();
            var monitored = ArrShapes.Bool(body.RootElement, "monitored") ?? false;
            lock (Library.Sync)
            {
                var changed = new List<object>();
                foreach (var series in Library.Series.Where(s => !s.Deleted))
                {
                    foreach (var episode in series.Episodes.Where(e => ids.Contains(e.Id)))
                    {
                        episode.Monitored = monitored;
                        changed.Add(Episode(series, episode));
                    }
                }

                return ArrShapes.Ok(changed, StatusCodes.Status202Accepted);
            }
        });

        api.MapGet("/episodefile", (HttpContext context) =>
        {
            if (!int.TryParse(context.Request.Query["seriesId"], out var seriesId))
            {
                return ArrShapes.Error(400, "seriesId or episodeFileIds must be provided");
            }

            lock (Library.Sync)
            {
                return Find(seriesId) is { } series
                    ? ArrShapes.Ok(series.Episodes.Where(e => e.HasFile).Select(e => EpisodeFile(series, e)).ToList())
                    : ArrShapes.Error(404, "Series does not exist");
            }
        });

        api.MapDelete("/episodefile/{id:int}", (int id) =>
        {
            lock (Library.Sync)
            {
                var episode = Library.Series.Where(s => !s.Deleted).SelectMany(s => s.Episodes).FirstOrDefault(e => e.HasFile && e.Id == id);
                if (episode is null)
                {
                    return ArrShapes.Error(404, "Episode file not found");
                }

                RemoveFile(episode);
                return ArrShapes.Deleted();
            }
        });

        api.MapDelete("/episodefile/bulk", async (HttpContext context) =>
        {
            using var body = await ArrShapes.ReadBodyAsync(context);
            var ids = body is null ? [] : ArrShapes.Ints(body.RootElement, "episodeFileIds");
            lock (Library.Sync)
            {
                var files = Library.Series.Where(s => !s.Deleted).SelectMany(s => s.Episodes).Where(e => e.HasFile).ToDictionary(e => e.Id);
                var found = ids.Where(files.ContainsKey).Select(id => files[id]).ToList();
                if (found.Count == 0)
                {
                    return ArrShapes.Error(404, "Episode file not found");
                }

                // Like Sonarr: the series of the first file is taken for all (so callers must send one series per call).
                foreach (var episode in found)
                {
                    RemoveFile(episode);
                }

                return ArrShapes.Deleted();
            }
        });
    }

    private FakeSeries? Find(int id) => Library.Series.FirstOrDefault(s => s.Id == id && !s.Deleted);

    private static bool SeasonMonitored(FakeSeries series, int season) => series.SeasonMonitored.GetValueOrDefault(season, true);

    private static void RemoveFile(FakeEpisode episode)
    {
        episode.HasFile = false;
        episode.FileAdded = null;
        episode.SizeBytes = 0;
    }

    private static string Path(FakeSeries s) => "/tv/" + ArrShapes.Folder(s.Title, s.Year);

    /// <summary>A series as <c>SeriesResource</c> with season statistics; call under <see cref="FakeLibrary.Sync"/>.</summary>
    private object Series(FakeSeries s)
    {
        var now = Library.TimeProvider.GetUtcNow();
        var seasons = s.Episodes.GroupBy(e => e.Season).OrderBy(g => g.Key).Select(g => new
        {
            number = g.Key,
            stats = Statistics(g.ToList(), now),
        }).ToList();
        var all = Statistics(s.Episodes, now);
        return new
        {
            id = s.Id,
            title = s.Title,
            alternateTitles = Array.Empty<object>(),
            sortTitle = s.Title.ToLowerInvariant(),
            status = s.Status,
            ended = s.Status == "ended",
            overview = $"{s.Title} ({s.Year}).",
            previousAiring = all.previousAiring,
            nextAiring = all.nextAiring,
            network = "HBO",
            airTime = "21:00",
            images = Array.Empty<object>(),
            originalLanguage = ArrShapes.Language,
            seasons = seasons.Select(x => new { seasonNumber = x.number, monitored = SeasonMonitored(s, x.number), statistics = x.stats }).ToList(),
            year = s.Year,
            path = Path(s),
            qualityProfileId = 1,
            seasonFolder = true,
            monitored = s.Monitored,
            monitorNewItems = "all",
            useSceneNumbering = false,
            runtime = 50,
            tvdbId = s.TvdbId,
            tvRageId = 0,
            tvMazeId = 0,
            tmdbId = s.TmdbId ?? 0,
            firstAired = ArrShapes.Date(s.Episodes.Count > 0 ? s.Episodes.Min(e => e.AirDate) : null),
            lastAired = ArrShapes.Date(s.Episodes.Count > 0 ? s.Episodes.Max(e => e.AirDate) : null),
            seriesType = "standard",
            cleanTitle = ArrShapes.Clean(s.Title),
            imdbId = s.ImdbId,
            titleSlug = ArrShapes.Slug(s.Title),
            rootFolderPath = "/tv/",
            genres = Array.Empty<string>(),
            tags = s.Tags.Select(Library.TagId).ToList(),
            added = ArrShapes.Date(s.Added),
            ratings = new { votes = 1000, value = 8.5 },
            statistics = new
            {
                seasonCount = seasons.Count,
                episodeFileCount = all.episodeFileCount,
                episodeCount = all.episodeCount,
                totalEpisodeCount = all.totalEpisodeCount,
                sizeOnDisk = all.sizeOnDisk,
                releaseGroups = all.releaseGroups,
                percentOfEpisodes = all.percentOfEpisodes,
            },
        };
    }

    /// <summary>Sonarr's counting: episodeCount = monitored episodes that aired or have a file.</summary>
    private static SeasonStatistics Statistics(IReadOnlyCollection<FakeEpisode> episodes, DateTimeOffset now)
    {
        var files = episodes.Count(e => e.HasFile);
        var counted = episodes.Count(e => e.HasFile || (e.Monitored && e.AirDate <= now));
        var previous = episodes.Where(e => e.AirDate <= now).Select(e => (DateTimeOffset?)e.AirDate).Max();
        var next = episodes.Where(e => e.AirDate > now).Select(e => (DateTimeOffset?)e.AirDate).Min();
        return new SeasonStatistics(
            ArrShapes.Date(next),
            ArrShapes.Date(previous),
            files,
            counted,
            episodes.Count,
            episodes.Where(e => e.HasFile).Sum(e => e.SizeBytes),
            files > 0 ? ["FAKE"] : [],
            counted == 0 ? 0 : files * 100.0 / counted);
    }

    private static object Episode(FakeSeries s, FakeEpisode e) => new
    {
        id = e.Id,
        seriesId = s.Id,
        tvdbId = (s.TvdbId * 100) + e.Id,
        episodeFileId = e.HasFile ? e.Id : 0,
        seasonNumber = e.Season,
        episodeNumber = e.Number,
        title = e.Title,
        airDate = e.AirDate.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        airDateUtc = ArrShapes.Date(e.AirDate),
        runtime = 50,
        overview = $"{e.Title}.",
        hasFile = e.HasFile,
        monitored = e.Monitored,
        unverifiedSceneNumbering = false,
    };

    private static object EpisodeFile(FakeSeries s, FakeEpisode e)
    {
        var relative = string.Create(CultureInfo.InvariantCulture, $"Season {e.Season:00}/{ArrShapes.Folder(s.Title, s.Year)} - S{e.Season:00}E{e.Number:00} - {e.Title}.mkv");
        return new
        {
            id = e.Id,
            seriesId = s.Id,
            seasonNumber = e.Season,
            relativePath = relative,
            path = Path(s) + "/" + relative,
            size = e.SizeBytes,
            dateAdded = ArrShapes.Date(e.FileAdded ?? default),
            releaseGroup = "FAKE",
            languages = new[] { ArrShapes.Language },
            quality = new { quality = new { id = 7, name = "Bluray-1080p", source = "bluray", resolution = 1080 }, revision = ArrShapes.Revision },
            customFormats = Array.Empty<object>(),
            customFormatScore = 0,
            indexerFlags = 0,
            releaseType = "singleEpisode",
            mediaInfo = ArrShapes.MediaInfo,
            qualityCutoffNotMet = false,
        };
    }

    /// <summary>Season and series statistics with the names Sonarr uses.</summary>
    private sealed record SeasonStatistics(
        string? nextAiring,
        string? previousAiring,
        int episodeFileCount,
        int episodeCount,
        int totalEpisodeCount,
        long sizeOnDisk,
        string[] releaseGroups,
        double percentOfEpisodes);
}
