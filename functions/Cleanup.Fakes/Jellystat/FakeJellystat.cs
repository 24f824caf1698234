using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Cleanup.Engine.Sources;
using Cleanup.Fakes.History;
using Cleanup.Fakes.Hosting;
using Cleanup.Fakes.Jellyfin;
using Cleanup.Fakes.Library;
using static Cleanup.Fakes.Json.FakeJsonResponse;

namespace Cleanup.Fakes.Jellystat;

/// <summary>
/// A Jellystat 1.1.8 server keeping the history of the Jellyfin fake's plays (same N-format ids). Like the real one:
/// <c>x-api-token</c> (or <c>?apiKey=</c>), 401 without a key and 403 with a wrong one; node-style JSON (nulls
/// written, Postgres bigints as strings at the top level); <c>getHistory</c> groups plays per item, episode and user
/// with the individual plays in <c>results</c>, newest first, paged by <c>page</c> (1-based) and <c>size</c>.
/// </summary>
public sealed class FakeJellystat(FakeLibrary library, string apiKey) : FakeService(library, apiKey)
{

    public override ServiceKind Kind => ServiceKind.Jellystat;

    public static string MoviesLibraryId { get; } = FakeKeys.JellyfinId("library:movies");

    public static string ShowsLibraryId { get; } = FakeKeys.JellyfinId("library:shows");

    // The real server picks 401/403 by whether a key was sent; FakeService has one status, so this fake checks itself.
    protected override bool IsAuthorized(HttpContext context) => true;

    protected override void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var key = context.Request.Headers["x-api-token"].ToString();
            if (string.IsNullOrEmpty(key))
            {
                key = context.Request.Query["apiKey"].ToString();
            }

            if (string.IsNullOrEmpty(key))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }

            if (key != ApiKey)
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }

            await next(context).ConfigureAwait(false);
        });

        app.MapGet("/api/getLibraries", (HttpContext c) => WriteAsync(c, new object[]
        {
            new { Id = MoviesLibraryId, Name = "Movies", ServerId = FakeKeys.JellyfinId("server:jellyfin"), CollectionType = "movies", ImageTagsPrimary = (string?)null, archived = false },
            new { Id = ShowsLibraryId, Name = "Shows", ServerId = FakeKeys.JellyfinId("server:jellyfin"), CollectionType = "tvshows", ImageTagsPrimary = (string?)null, archived = false },
        }, AsDeclaredWithNulls));
        app.MapGet("/api/getHistory", GetHistory);
        app.MapPost("/api/getItemHistory", GetItemHistory);
    }

    private async Task GetHistory(HttpContext c)
    {
        var (page, size) = Paging(c);
        List<object> rows;
        int groups;
        lock (Library.Sync)
        {
            var grouped = DerivedView<List<IGrouping<(string Key, string User), FakePlay>>>.Get(Library, library => FakePlays.From(library)
                .GroupBy(p => (p.Item.Key, p.User))
                .OrderByDescending(g => g.Max(p => p.StartedAt))
                .ToList());
            groups = grouped.Count;
            rows = grouped.Skip((page - 1) * size).Take(size).Select(g =>
            {
                var plays = g.OrderByDescending(p => p.StartedAt).ToList();
                var latest = (Dictionary<string, object?>)Row(plays[0], topLevel: true);
                var total = plays.Sum(p => p.DurationSeconds);
                latest["results"] = plays.Select(p => Row(p, topLevel: false)).ToList();
                latest["TotalPlays"] = plays.Count.ToString(CultureInfo.InvariantCulture);
                latest["TotalDuration"] = total.ToString(CultureInfo.InvariantCulture);
                latest["PlaybackDuration"] = total.ToString(CultureInfo.InvariantCulture);
                return (object)latest;
            }).ToList();
        }

        await WriteAsync(c, Envelope(c, page, size, groups, rows), AsDeclaredWithNulls).ConfigureAwait(false);
    }

    private async Task GetItemHistory(HttpContext c)
    {
        string? itemId = null;
        try
        {
            using var body = await JsonDocument.ParseAsync(c.Request.Body).ConfigureAwait(false);
            if (body.RootElement.ValueKind == JsonValueKind.Object && body.RootElement.TryGetProperty("itemid", out var id))
            {
                itemId = id.ToString();
            }
        }
        catch (JsonException)
        {
        }

        if (itemId is null)
        {
            c.Response.StatusCode = StatusCodes.Status400BadRequest;
            await c.Response.WriteAsync("No Item ID provided").ConfigureAwait(false);
            return;
        }

        var (page, size) = Paging(c);
        List<object> rows;
        int count;
        lock (Library.Sync)
        {
            var plays = FakePlays.From(Library).Where(p => Ids(p.Item).Contains(itemId)).ToList();
            count = plays.Count;
            rows = plays.Skip((page - 1) * size).Take(size).Select(p => Row(p, topLevel: true)).ToList();
        }

        await WriteAsync(c, Envelope(c, page, size, count, rows), AsDeclaredWithNulls).ConfigureAwait(false);
    }

    private object Envelope(HttpContext c, int page, int size, int count, List<object> rows)
    {
        var pages = (int)Math.Ceiling(count / (double)size);
        if (TruncatePaging)
        {
            pages += 2;
        }

        // Query values echo back as the strings node received.
        return new Dictionary<string, object?>
        {
            ["current_page"] = Query(c, "page") ?? "1",
            ["pages"] = pages,
            ["size"] = Query(c, "size") ?? "50",
            ["sort"] = Query(c, "sort") ?? "ActivityDateInserted",
            ["desc"] = Query(c, "desc") ?? "true",
            ["results"] = rows,
        };
    }

    private static (int Page, int Size) Paging(HttpContext c) =>
        (Math.Max(1, QueryInt(c, "page") ?? 1), Math.Clamp(QueryInt(c, "size") ?? 50, 1, 100_000));

    private static string[] Ids(FakePlayedItem item) =>
        item.IsEpisode
            ? [FakeKeys.JellyfinId(item.Key), FakeKeys.JellyfinId(item.SeasonKey!), FakeKeys.JellyfinId(item.SeriesKey!)]
            : [FakeKeys.JellyfinId(item.Key)];

    /// <summary>
    /// One play as Jellystat sends it. Top-level rows come through node-pg (bigint as string, dates as <c>…Z</c>);
    /// rows inside <c>results</c> come from Postgres' <c>row_to_json</c> (numbers, dates with <c>+00:00</c>).
    /// </summary>
    private static object Row(FakePlay play, bool topLevel)
    {
        var item = play.Item;
        var date = play.StartedAt.ToUniversalTime();
        return new Dictionary<string, object?>
        {
            ["Id"] = FakeKeys.JellyfinId($"play:{play.Id}"),
            ["IsPaused"] = false,
            ["UserId"] = FakeJellyfin.UserId(play.User),
            ["UserName"] = play.User,
            ["Client"] = "Jellyfin Web",
            ["DeviceName"] = "Firefox",
            ["DeviceId"] = FakeKeys.JellyfinId("device:" + play.User),
            ["ApplicationVersion"] = "10.11.11",
            ["NowPlayingItemId"] = FakeKeys.JellyfinId(item.IsEpisode ? item.SeriesKey! : item.Key),
            ["NowPlayingItemName"] = item.Title,
            ["SeasonId"] = item.IsEpisode ? FakeKeys.JellyfinId(item.SeasonKey!) : null,
            ["SeriesName"] = item.SeriesTitle,
            ["EpisodeId"] = item.IsEpisode ? FakeKeys.JellyfinId(item.Key) : null,
            ["PlaybackDuration"] = topLevel ? play.DurationSeconds.ToString(CultureInfo.InvariantCulture) : play.DurationSeconds,
            ["ActivityDateInserted"] = topLevel
                ? date.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)
                : date.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'", CultureInfo.InvariantCulture),
            ["PlayMethod"] = "DirectPlay",
            ["ServerId"] = FakeKeys.JellyfinId("server:jellyfin"),
            ["imported"] = false,
            ["EpisodeNumber"] = item.Episode,
            ["SeasonNumber"] = item.Season,
            ["ParentId"] = item.IsEpisode ? ShowsLibraryId : MoviesLibraryId,
            ["FullName"] = item.IsEpisode ? $"{item.SeriesTitle} : S{item.Season}E{item.Episode} - {item.Title}" : item.Title,
        };
    }
}
