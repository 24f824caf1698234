using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Cleanup.Engine.Sources;
using Cleanup.Fakes.Hosting;
using Cleanup.Fakes.Library;

namespace Cleanup.Fakes.Radarr;

/// <summary>
/// Radarr v3 on loopback, serving the library's movies. Like the real one: whole-library <c>GET /movie</c>, nulls
/// omitted (no <c>movieFile</c> without a file), <c>PUT /movie/editor</c> answers 202, DELETEs answer 200 empty.
/// </summary>
public sealed class FakeRadarr(FakeLibrary library, string apiKey, string urlBase = "") : FakeService(library, apiKey)
{
    public override ServiceKind Kind => ServiceKind.Radarr;

    protected override string UrlBase { get; } = NormalizeBase(urlBase);

    /// <summary>Radarr's id of a movie's file (distinct from the movie id, as in Radarr).</summary>
    public static int MovieFileId(FakeMovie movie) => 100_000 + movie.Id;

    protected override bool IsAuthorized(HttpContext context) => ArrShapes.HasKey(context, ApiKey);

    protected override void Map(WebApplication app)
    {
        var api = app.MapGroup(UrlBase + "/api/v3");
        api.MapGet("/system/status", () => ArrShapes.Ok(ArrShapes.SystemStatus(
            "Radarr", "5.26.2.10099", "2025-06-01T00:00:00Z", "master", migrationVersion: 241, runtimeVersion: "8.0.12", UrlBase, Library.TimeProvider)));

        api.MapGet("/tag", () => ArrShapes.Ok(ArrShapes.Tags(Library)));

        api.MapPost("/tag", async (HttpContext context) =>
        {
            using var body = await ArrShapes.ReadBodyAsync(context);
            if (body is null || !body.RootElement.TryGetProperty("label", out var l) || l.GetString() is not { Length: > 0 } label)
            {
                return ArrShapes.Error(400, "Label must not be empty");
            }

            lock (Library.Sync)
            {
                var id = Library.TagId(label);
                return ArrShapes.Ok(new { id, label = Library.Tags[id - 1] });
            }
        });

        api.MapGet("/movie", (HttpContext context) =>
        {
            var tmdb = int.TryParse(context.Request.Query["tmdbId"], out var t) ? t : (int?)null;
            lock (Library.Sync)
            {
                return ArrShapes.Ok(Library.Movies.Where(m => !m.Deleted && (tmdb is null || m.TmdbId == tmdb)).Select(Movie).ToList());
            }
        });

        api.MapGet("/movie/{id:int}", (int id) =>
        {
            lock (Library.Sync)
            {
                return Find(id) is { } movie ? ArrShapes.Ok(Movie(movie)) : ArrShapes.Error(404, "NotFound");
            }
        });

        api.MapDelete("/movie/{id:int}", (int id, HttpContext context) =>
        {
            lock (Library.Sync)
            {
                if (Find(id) is not { } movie)
                {
                    return ArrShapes.Error(404, "NotFound");
                }

                movie.Deleted = true;
                if (context.Request.Query["deleteFiles"] == "true")
                {
                    RemoveFile(movie);
                }

                return ArrShapes.Deleted();
            }
        });

        api.MapPut("/movie/editor", async (HttpContext context) =>
        {
            using var body = await ArrShapes.ReadBodyAsync(context);
            if (body is null)
            {
                return ArrShapes.Error(400, "Invalid request body");
            }

            var root = body.RootElement;
            var ids = ArrShapes.Ints(root, "movieIds");
            var monitored = ArrShapes.Bool(root, "monitored");
            var tagIds = root.TryGetProperty("tags", out var tagsElement) && tagsElement.ValueKind == JsonValueKind.Array ? ArrShapes.Ints(root, "tags") : null;
            var apply = root.TryGetProperty("applyTags", out var a) ? a.GetString() : null;
            lock (Library.Sync)
            {
                var movies = ids.Select(Find).OfType<FakeMovie>().ToList();
                foreach (var movie in movies)
                {
                    if (monitored is { } m)
                    {
                        movie.Monitored = m;
                    }

                    if (tagIds is not null)
                    {
                        var labels = tagIds.Where(i => i >= 1 && i <= Library.Tags.Count).Select(i => Library.Tags[i - 1]).ToList();
                        movie.Tags = apply switch
                        {
                            "add" => [.. movie.Tags.Union(labels, StringComparer.OrdinalIgnoreCase)],
                            "remove" => [.. movie.Tags.Where(x => !labels.Contains(x, StringComparer.OrdinalIgnoreCase))],
                            "replace" => labels,
                            _ => movie.Tags,
                        };
                    }
                }

                // The real editor answers 202 Accepted with the changed movies (the spec says 200).
                return ArrShapes.Ok(movies.Select(Movie).ToList(), StatusCodes.Status202Accepted);
            }
        });

        api.MapDelete("/moviefile/{id:int}", (int id) =>
        {
            lock (Library.Sync)
            {
                var movie = Library.Movies.FirstOrDefault(m => !m.Deleted && m.HasFile && MovieFileId(m) == id);
                if (movie is null)
                {
                    return ArrShapes.Error(404, "Movie file not found");
                }

                RemoveFile(movie);
                return ArrShapes.Deleted();
            }
        });
    }

    private FakeMovie? Find(int id) => Library.Movies.FirstOrDefault(m => m.Id == id && !m.Deleted);

    private static void RemoveFile(FakeMovie movie)
    {
        movie.HasFile = false;
        movie.FileAdded = null;
        movie.SizeBytes = 0;
    }

    /// <summary>A movie as <c>MovieResource</c>; call under <see cref="FakeLibrary.Sync"/>.</summary>
    private object Movie(FakeMovie m)
    {
        var folder = ArrShapes.Folder(m.Title, m.Year);
        var path = "/movies/" + folder;
        var size = m.HasFile ? m.SizeBytes : 0;
        return new
        {
            id = m.Id,
            title = m.Title,
            originalTitle = m.Title,
            originalLanguage = ArrShapes.Language,
            alternateTitles = Array.Empty<object>(),
            secondaryYearSourceId = 0,
            sortTitle = m.Title.ToLowerInvariant(),
            sizeOnDisk = size,
            status = "released",
            overview = $"{m.Title} ({m.Year}).",
            images = Array.Empty<object>(),
            website = "",
            year = m.Year,
            youTubeTrailerId = "",
            studio = "",
            path,
            qualityProfileId = 1,
            hasFile = m.HasFile,
            movieFileId = m.HasFile ? MovieFileId(m) : 0,
            monitored = m.Monitored,
            minimumAvailability = "released",
            isAvailable = true,
            folderName = path,
            runtime = 118,
            cleanTitle = ArrShapes.Clean(m.Title),
            imdbId = m.ImdbId,
            tmdbId = m.TmdbId,
            titleSlug = m.TmdbId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            rootFolderPath = "/movies",
            genres = Array.Empty<string>(),
            keywords = Array.Empty<string>(),
            tags = m.Tags.Select(Library.TagId).ToList(),
            added = ArrShapes.Date(m.Added),
            ratings = new { tmdb = new { votes = 1200, value = 7.4, type = "user" } },
            movieFile = m.HasFile ? new
            {
                id = MovieFileId(m),
                movieId = m.Id,
                relativePath = folder + ".mkv",
                path = $"{path}/{folder}.mkv",
                size = m.SizeBytes,
                dateAdded = ArrShapes.Date(m.FileAdded ?? default),
                releaseGroup = "FAKE",
                edition = "",
                languages = new[] { ArrShapes.Language },
                quality = new { quality = new { id = 7, name = "Bluray-1080p", source = "bluray", resolution = 1080, modifier = "none" }, revision = ArrShapes.Revision },
                customFormats = Array.Empty<object>(),
                customFormatScore = 0,
                indexerFlags = 0,
                mediaInfo = ArrShapes.MediaInfo,
                qualityCutoffNotMet = false,
            } : null,
            popularity = 10.5,
            statistics = new { movieFileCount = m.HasFile ? 1 : 0, sizeOnDisk = size, releaseGroups = m.HasFile ? new[] { "FAKE" } : [] },
        };
    }
}
