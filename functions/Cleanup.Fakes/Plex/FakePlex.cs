using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Cleanup.Engine.Sources;
using Cleanup.Fakes.Hosting;
using Cleanup.Fakes.Library;
using Cleanup.Fakes.Tautulli;
using static Cleanup.Fakes.Json.FakeJsonResponse;

namespace Cleanup.Fakes.Plex;

/// <summary>
/// A Plex Media Server serving the library in two sections (Movies = 1, TV Shows = 2). Like the real one: the
/// <c>X-Plex-Token</c> header (or query), JSON only when asked with <c>Accept: application/json</c> (XML otherwise),
/// everything inside <c>MediaContainer</c>, string ratingKeys (<see cref="FakeKeys.PlexRatingKey"/>), epoch-second
/// dates, paging by <c>X-Plex-Container-Start</c>/<c>-Size</c> with <c>totalSize</c>, and view data for the token's
/// account (the library's first administrator) only.
/// </summary>
public sealed class FakePlex(FakeLibrary library, string apiKey) : FakeService(library, apiKey)
{
    public const string MoviesSection = "1";
    public const string ShowsSection = "2";

    public override ServiceKind Kind => ServiceKind.Plex;

    public string MachineIdentifier { get; } = FakeKeys.JellyfinId("server:plex");

    public string Version { get; set; } = "1.41.3.9314-a0bfb8370";

    /// <summary>The account the token belongs to: the first administrator (or the first user).</summary>
    public string Owner
    {
        get
        {
            lock (Library.Sync)
            {
                return (Library.Users.FirstOrDefault(u => u.IsAdministrator) ?? Library.Users.FirstOrDefault())?.Name ?? "owner";
            }
        }
    }

    protected override bool IsPublic(HttpContext context) => context.Request.Path.Equals("/identity", StringComparison.OrdinalIgnoreCase);

    protected override bool IsAuthorized(HttpContext context)
    {
        var token = context.Request.Headers["X-Plex-Token"].ToString();
        if (string.IsNullOrEmpty(token))
        {
            token = context.Request.Query["X-Plex-Token"].ToString();
        }

        return token == ApiKey;
    }

    protected override void Map(WebApplication app)
    {
        app.MapGet("/identity", (HttpContext c) => Container(c, new Dictionary<string, object?>
        {
            ["size"] = 0, ["claimed"] = true, ["machineIdentifier"] = MachineIdentifier, ["version"] = Version,
        }));
        app.MapGet("/", (HttpContext c) => Container(c, new Dictionary<string, object?>
        {
            ["size"] = 0,
            ["allowSync"] = true,
            ["friendlyName"] = "Fake Plex",
            ["machineIdentifier"] = MachineIdentifier,
            ["myPlexUsername"] = Owner,
            ["myPlex"] = true,
            ["platform"] = "Linux",
            ["version"] = Version,
        }));
        app.MapGet("/library/sections/all", (HttpContext c) => Container(c, new Dictionary<string, object?>
        {
            ["size"] = 2,
            ["allowSync"] = false,
            ["title1"] = "Plex Library",
            ["Directory"] = new object[] { Section(MoviesSection, "movie", "Movies", "/data/movies"), Section(ShowsSection, "show", "TV Shows", "/data/tv") },
        }));
        app.MapGet("/library/sections/{sectionId}/all", SectionItems);
        app.MapGet("/status/sessions", Sessions);
        app.MapPost("/library/sections/{sectionId}/refresh", (string sectionId) =>
            sectionId is MoviesSection or ShowsSection ? Results.Ok() : Results.NotFound());
    }

    private static object Section(string key, string type, string title, string path) => new Dictionary<string, object?>
    {
        ["allowSync"] = true,
        ["art"] = "/:/resources/movie-fanart.jpg",
        ["filters"] = true,
        ["refreshing"] = false,
        ["thumb"] = "/:/resources/movie.png",
        ["key"] = key,
        ["type"] = type,
        ["title"] = title,
        ["agent"] = type == "movie" ? "tv.plex.agents.movie" : "tv.plex.agents.series",
        ["scanner"] = type == "movie" ? "Plex Movie" : "Plex TV Series",
        ["language"] = "en-US",
        ["uuid"] = Guid.ParseExact(FakeKeys.JellyfinId("section:" + key), "N").ToString("D"),
        ["content"] = true,
        ["directory"] = true,
        ["hidden"] = 0,
        ["Location"] = new object[] { new { id = int.Parse(key, CultureInfo.InvariantCulture), path } },
    };

    private async Task SectionItems(HttpContext c, string sectionId)
    {
        if (sectionId is not (MoviesSection or ShowsSection))
        {
            c.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var type = QueryInt(c, "type") ?? (sectionId == MoviesSection ? 1 : 2);
        var guids = QueryBool(c, "includeGuids") == true;
        var start = HeaderOrQueryInt(c, "X-Plex-Container-Start");
        var size = HeaderOrQueryInt(c, "X-Plex-Container-Size");
        var owner = Owner;

        List<Dictionary<string, object?>> all;
        lock (Library.Sync)
        {
            var watches = OwnerWatches(owner);
            all = (sectionId, type) switch
            {
                (MoviesSection, 1) => Library.Movies.Where(m => !m.Deleted && m.HasFile).Select(m => Movie(m, guids, watches)).ToList(),
                (ShowsSection, 2) => Library.Series.Where(s => !s.Deleted && s.Episodes.Any(e => e.HasFile)).Select(s => Show(s, guids, watches)).ToList(),
                (ShowsSection, 4) => Library.Series.Where(s => !s.Deleted)
                    .SelectMany(s => s.Episodes.Where(e => e.HasFile).OrderBy(e => e.Season).ThenBy(e => e.Number).Select(e => Episode(s, e, watches))).ToList(),
                _ => [],
            };
        }

        var page = all.Skip(start ?? 0).Take(size ?? int.MaxValue).ToList();
        var container = new Dictionary<string, object?>
        {
            ["size"] = page.Count,
            ["allowSync"] = true,
            ["identifier"] = "com.plexapp.plugins.library",
            ["librarySectionID"] = int.Parse(sectionId, CultureInfo.InvariantCulture),
            ["librarySectionTitle"] = sectionId == MoviesSection ? "Movies" : "TV Shows",
            ["viewGroup"] = type switch { 1 => "movie", 2 => "show", _ => "episode" },
            ["Metadata"] = page.Count == 0 ? null : page,
        };

        // Like Plex, paging information only comes back when paging was asked for.
        if (start is not null || size is not null)
        {
            container["offset"] = start ?? 0;
            container["totalSize"] = all.Count + (TruncatePaging ? Math.Max(1, all.Count / 2) : 0);
        }

        await Container(c, container).ConfigureAwait(false);
    }

    private static Dictionary<string, object?> Movie(FakeMovie m, bool guids, Dictionary<string, FakeWatch> watches)
    {
        var key = FakeKeys.PlexRatingKey(m.Key).ToString(CultureInfo.InvariantCulture);
        var item = Base(key, "movie", m.Title, m.Year, m.FileAdded ?? m.Added, m.Key, watches);
        item["guid"] = $"plex://movie/{FakeKeys.JellyfinId(m.Key)[..24]}";
        item["Media"] = MediaOf(key, $"/data/movies/{m.Title} ({m.Year})/{m.Title} ({m.Year}).mkv", m.SizeBytes, 7_200_000);
        if (guids)
        {
            var ids = new List<object>();
            if (m.ImdbId is not null)
            {
                ids.Add(new { id = "imdb://" + m.ImdbId });
            }

            ids.Add(new { id = "tmdb://" + m.TmdbId.ToString(CultureInfo.InvariantCulture) });
            item["Guid"] = ids;
        }

        return item;
    }

    private static Dictionary<string, object?> Show(FakeSeries s, bool guids, Dictionary<string, FakeWatch> watches)
    {
        var key = FakeKeys.PlexRatingKey(s.Key).ToString(CultureInfo.InvariantCulture);
        var item = Base(key, "show", s.Title, s.Year, s.Added, s.Key, watches);
        var episodes = s.Episodes.Where(e => e.HasFile).ToList();
        item["guid"] = $"plex://show/{FakeKeys.JellyfinId(s.Key)[..24]}";
        item["leafCount"] = episodes.Count;
        item["viewedLeafCount"] = episodes.Count(e => watches.GetValueOrDefault(e.Key)?.Played == true);
        item["childCount"] = episodes.Select(e => e.Season).Distinct().Count();
        item["viewCount"] = null; // shows carry leaf counts, not a view count of their own
        item["viewOffset"] = null;
        item["lastViewedAt"] = episodes.Select(e => watches.GetValueOrDefault(e.Key)?.LastPlayed).Max() is { } last ? last.ToUnixTimeSeconds() : null;
        if (guids)
        {
            var ids = new List<object>();
            if (s.ImdbId is not null)
            {
                ids.Add(new { id = "imdb://" + s.ImdbId });
            }

            if (s.TmdbId is { } tmdb)
            {
                ids.Add(new { id = "tmdb://" + tmdb.ToString(CultureInfo.InvariantCulture) });
            }

            ids.Add(new { id = "tvdb://" + s.TvdbId.ToString(CultureInfo.InvariantCulture) });
            item["Guid"] = ids;
        }

        return item;
    }

    private static Dictionary<string, object?> Episode(FakeSeries s, FakeEpisode e, Dictionary<string, FakeWatch> watches)
    {
        var key = FakeKeys.PlexRatingKey(e.Key).ToString(CultureInfo.InvariantCulture);
        var item = Base(key, "episode", e.Title, e.AirDate.Year, e.FileAdded ?? e.AirDate, e.Key, watches);
        item["guid"] = $"plex://episode/{FakeKeys.JellyfinId(e.Key)[..24]}";
        item["grandparentRatingKey"] = FakeKeys.PlexRatingKey(s.Key).ToString(CultureInfo.InvariantCulture);
        item["grandparentTitle"] = s.Title;
        item["parentRatingKey"] = FakeKeys.PlexRatingKey(FakeKeys.Season(s.TvdbId, e.Season)).ToString(CultureInfo.InvariantCulture);
        item["parentTitle"] = $"Season {e.Season}";
        item["parentIndex"] = e.Season;
        item["index"] = e.Number;
        item["originallyAvailableAt"] = e.AirDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        item["Media"] = MediaOf(key, $"/data/tv/{s.Title}/Season {e.Season:00}/{s.Title} S{e.Season:00}E{e.Number:00}.mkv", e.SizeBytes, 2_700_000);
        return item;
    }

    private static Dictionary<string, object?> Base(string ratingKey, string type, string title, int year, DateTimeOffset addedAt, string itemKey, Dictionary<string, FakeWatch> watches)
    {
        var watch = watches.GetValueOrDefault(itemKey);
        return new Dictionary<string, object?>
        {
            ["ratingKey"] = ratingKey,
            ["key"] = $"/library/metadata/{ratingKey}",
            ["type"] = type,
            ["title"] = title,
            ["year"] = year,
            ["addedAt"] = addedAt.ToUnixTimeSeconds(),
            ["updatedAt"] = addedAt.ToUnixTimeSeconds(),
            ["thumb"] = $"/library/metadata/{ratingKey}/thumb/1700000000",
            ["viewCount"] = watch is { Played: true } ? Math.Max(1, watch.PlayCount) : null,
            ["viewOffset"] = watch is { Played: false, PositionTicks: > 0 } ? watch.PositionTicks / TimeSpan.TicksPerMillisecond : null,
            ["lastViewedAt"] = watch?.LastPlayed?.ToUnixTimeSeconds(),
        };
    }

    private static object[] MediaOf(string ratingKey, string file, long size, long durationMs) =>
    [
        new
        {
            id = FakeKeys.PlexRatingKey("media:" + ratingKey),
            duration = durationMs,
            container = "mkv",
            videoResolution = "1080",
            Part = new object[]
            {
                new { id = FakeKeys.PlexRatingKey("part:" + ratingKey), key = $"/library/parts/{ratingKey}/file.mkv", duration = durationMs, file, size, container = "mkv" },
            },
        },
    ];

    private async Task Sessions(HttpContext c)
    {
        var owner = Owner;
        List<Dictionary<string, object?>> sessions = [];
        lock (Library.Sync)
        {
            var watches = OwnerWatches(owner);
            foreach (var (user, key) in Library.NowPlaying)
            {
                Dictionary<string, object?>? item = null;
                if (Library.Movies.FirstOrDefault(m => m.Key == key && !m.Deleted && m.HasFile) is { } movie)
                {
                    item = Movie(movie, guids: false, watches);
                }
                else if (Library.Series.Where(s => !s.Deleted).SelectMany(s => s.Episodes.Select(e => (s, e))).FirstOrDefault(p => p.e.Key == key && p.e.HasFile) is { s: not null } ep)
                {
                    item = Episode(ep.s, ep.e, watches);
                }

                if (item is null)
                {
                    continue;
                }

                item["sessionKey"] = (sessions.Count + 1).ToString(CultureInfo.InvariantCulture);
                item["viewOffset"] = 1_200_000;
                item["User"] = new { id = FakeTautulli.UserId(user).ToString(CultureInfo.InvariantCulture), title = user, thumb = "https://plex.tv/users/x/avatar" };
                item["Player"] = new { address = "192.168.1.20", machineIdentifier = FakeKeys.JellyfinId("player:" + user), platform = "Firefox", product = "Plex Web", state = "playing", title = "Firefox", local = true };
                item["Session"] = new { id = FakeKeys.JellyfinId("session:" + user), bandwidth = 20_000, location = "lan" };
                sessions.Add(item);
            }
        }

        await Container(c, new Dictionary<string, object?> { ["size"] = sessions.Count, ["Metadata"] = sessions.Count == 0 ? null : sessions }).ConfigureAwait(false);
    }

    /// <summary>The token owner's watch per item key (looked up per item; benchmarks serve large libraries).</summary>
    private Dictionary<string, FakeWatch> OwnerWatches(string owner)
    {
        var byKey = new Dictionary<string, FakeWatch>(StringComparer.Ordinal);
        foreach (var w in Library.Watches.Where(w => w.User == owner))
        {
            byKey.TryAdd(w.ItemKey, w);
        }

        return byKey;
    }

    private static int? HeaderOrQueryInt(HttpContext c, string name) =>
        QueryInt(c, name) ?? (int.TryParse(c.Request.Headers[name].ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null);

    /// <summary>Plex answers XML unless JSON is asked for.</summary>
    private static Task Container(HttpContext c, Dictionary<string, object?> container)
    {
        if (!c.Request.Headers.Accept.ToString().Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            c.Response.ContentType = "text/xml;charset=utf-8";
            return c.Response.WriteAsync($"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<MediaContainer size=\"{container.GetValueOrDefault("size")}\"></MediaContainer>\n");
        }

        return WriteAsync(c, new Dictionary<string, object?> { ["MediaContainer"] = WithoutNulls(container) }, AsDeclared);
    }

    /// <summary>Plex omits absent attributes; dictionaries ignore the serializer's null handling, so drop them here.</summary>
    private static object? WithoutNulls(object? value) => value switch
    {
        Dictionary<string, object?> d => d.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => WithoutNulls(p.Value)),
        List<Dictionary<string, object?>> list => list.Select(WithoutNulls).ToList(),
        _ => value,
    };
}
