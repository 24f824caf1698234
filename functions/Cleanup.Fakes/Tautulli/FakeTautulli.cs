using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Cleanup.Engine.Sources;
using Cleanup.Fakes.History;
using Cleanup.Fakes.Hosting;
using Cleanup.Fakes.Library;
using static Cleanup.Fakes.Json.FakeJsonResponse;

namespace Cleanup.Fakes.Tautulli;

/// <summary>
/// A Tautulli 2.x server keeping the history of the Plex fake's plays (same ratingKeys). Like the real one: everything
/// through <c>GET /api/v2?apikey=&amp;cmd=</c>, every answer in <c>{"response":{"result","message","data"}}</c>, a bad
/// key is 401 and an unknown command 400 (both with the envelope), epoch-second dates, "" for missing parent keys.
/// </summary>
public sealed class FakeTautulli(FakeLibrary library, string apiKey) : FakeService(library, apiKey)
{

    public override ServiceKind Kind => ServiceKind.Tautulli;

    public string Version { get; set; } = "v2.15.2";

    /// <summary>The plex.tv account id Tautulli (and the Plex fake) give a library user.</summary>
    public static int UserId(string userName) => FakeKeys.PlexRatingKey("account:" + userName);

    // Tautulli answers a bad key with its envelope, which FakeService's check cannot write; this fake checks itself.
    protected override bool IsAuthorized(HttpContext context) => true;

    protected override void Map(WebApplication app)
    {
        app.MapGet("/api/v2", Handle);
    }

    private async Task Handle(HttpContext c)
    {
        var key = Query(c, "apikey");
        if (key is null)
        {
            await Error(c, StatusCodes.Status401Unauthorized, "Parameter apikey is required").ConfigureAwait(false);
            return;
        }

        if (key != ApiKey)
        {
            await Error(c, StatusCodes.Status401Unauthorized, "Invalid apikey").ConfigureAwait(false);
            return;
        }

        switch (Query(c, "cmd"))
        {
            case null:
                await Error(c, StatusCodes.Status400BadRequest, "Parameter cmd is required. Possible commands are: get_history, get_tautulli_info").ConfigureAwait(false);
                return;
            case "get_tautulli_info":
                await Success(c, new
                {
                    tautulli_install_type = "docker",
                    tautulli_version = Version,
                    tautulli_branch = "master",
                    tautulli_commit = "0000000000000000000000000000000000000000",
                    tautulli_platform = "Linux",
                    tautulli_python_version = "3.11.9",
                }).ConfigureAwait(false);
                return;
            case "get_history":
                await Success(c, History(c)).ConfigureAwait(false);
                return;
            case var other:
                await Error(c, StatusCodes.Status400BadRequest, $"Unknown command: {other}. Possible commands are: get_history, get_tautulli_info").ConfigureAwait(false);
                return;
        }
    }

    private object History(HttpContext c)
    {
        var start = Math.Max(0, QueryInt(c, "start") ?? 0);
        var length = Math.Clamp(QueryInt(c, "length") ?? 25, 1, 100_000);
        var ascending = string.Equals(Query(c, "order_dir"), "asc", StringComparison.OrdinalIgnoreCase);
        var after = Query(c, "after") is { } a && DateOnly.TryParseExact(a, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : (DateOnly?)null;
        var userId = QueryInt(c, "user_id");
        var ratingKey = Query(c, "rating_key");

        List<FakePlay> all;
        lock (Library.Sync)
        {
            all = FakePlays.From(Library);
        }

        IEnumerable<FakePlay> filtered = all;
        if (after is { } d)
        {
            filtered = filtered.Where(p => DateOnly.FromDateTime(p.StartedAt.UtcDateTime) >= d);
        }

        if (userId is { } u)
        {
            filtered = filtered.Where(p => UserId(p.User) == u);
        }

        if (ratingKey is not null)
        {
            filtered = filtered.Where(p => FakeKeys.PlexRatingKey(p.Item.Key).ToString(CultureInfo.InvariantCulture) == ratingKey);
        }

        var list = (ascending ? filtered.OrderBy(p => p.StartedAt) : filtered.OrderByDescending(p => p.StartedAt)).ToList();
        var recordsFiltered = list.Count + (TruncatePaging ? Math.Max(1, list.Count / 2) : 0);
        return new Dictionary<string, object?>
        {
            ["recordsFiltered"] = recordsFiltered,
            ["recordsTotal"] = all.Count,
            ["data"] = list.Skip(start).Take(length).Select(Row).ToList(),
            ["draw"] = 1,
            ["filter_duration"] = "0 mins",
            ["total_duration"] = "0 mins",
        };
    }

    private static object Row(FakePlay play)
    {
        var item = play.Item;
        var started = play.StartedAt.ToUnixTimeSeconds();
        var ratingKey = FakeKeys.PlexRatingKey(item.Key);
        object parentKey = item.IsEpisode ? FakeKeys.PlexRatingKey(item.SeasonKey!) : string.Empty;
        object grandparentKey = item.IsEpisode ? FakeKeys.PlexRatingKey(item.SeriesKey!) : string.Empty;
        var fullTitle = item.IsEpisode ? $"{item.SeriesTitle} - {item.Title}" : item.Title;
        return new Dictionary<string, object?>
        {
            ["reference_id"] = play.Id,
            ["row_id"] = play.Id,
            ["id"] = play.Id,
            ["date"] = started,
            ["started"] = started,
            ["stopped"] = started + play.DurationSeconds,
            ["duration"] = play.DurationSeconds,
            ["play_duration"] = play.DurationSeconds,
            ["paused_counter"] = 0,
            ["user_id"] = UserId(play.User),
            ["user"] = play.User,
            ["friendly_name"] = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(play.User),
            ["platform"] = "Chrome",
            ["product"] = "Plex Web",
            ["player"] = "Firefox",
            ["ip_address"] = "192.168.1.20",
            ["live"] = 0,
            ["location"] = "lan",
            ["secure"] = 1,
            ["relayed"] = 0,
            ["media_type"] = item.IsEpisode ? "episode" : "movie",
            ["rating_key"] = ratingKey,
            ["parent_rating_key"] = parentKey,
            ["grandparent_rating_key"] = grandparentKey,
            ["full_title"] = fullTitle,
            ["title"] = item.Title,
            ["parent_title"] = item.IsEpisode ? $"Season {item.Season}" : string.Empty,
            ["grandparent_title"] = item.SeriesTitle ?? string.Empty,
            ["original_title"] = string.Empty,
            ["year"] = item.Year,
            ["media_index"] = item.Episode is { } e ? e : string.Empty,
            ["parent_media_index"] = item.Season is { } s ? s : string.Empty,
            ["thumb"] = $"/library/metadata/{ratingKey}/thumb/1700000000",
            ["transcode_decision"] = "direct play",
            ["percent_complete"] = play.PercentComplete,
            ["watched_status"] = play.PercentComplete >= 85 ? 1 : play.PercentComplete >= 42 ? 0.5 : 0,
            ["group_count"] = 1,
            ["group_ids"] = play.Id.ToString(CultureInfo.InvariantCulture),
            ["state"] = null,
            ["session_key"] = null,
        };
    }

    private static Task Success(HttpContext c, object data) =>
        WriteAsync(c, new { response = new { result = "success", message = (string?)null, data } }, AsDeclaredWithNulls);

    private static Task Error(HttpContext c, int status, string message) =>
        WriteAsync(c, new { response = new { result = "error", message, data = new { } } }, AsDeclaredWithNulls, status);
}
