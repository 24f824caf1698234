using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Cleanup.Fakes.Library;
using Microsoft.AspNetCore.Http;

namespace Cleanup.Fakes.Hosting;

/// <summary>What Radarr and Sonarr share on the wire: camelCase JSON without nulls, second-precision UTC dates, the key check, error bodies.</summary>
internal static class ArrShapes
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary><c>2024-05-01T10:20:30Z</c>; unset dates come out as <c>0001-01-01T00:00:00Z</c>, as the real servers send them.</summary>
    public static string Date(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string? Date(DateTimeOffset? value) => value is { } v ? Date(v) : null;

    /// <summary>The *arr apps accept the key as <c>X-Api-Key</c>, <c>?apikey=</c> or a bearer token.</summary>
    public static bool HasKey(HttpContext context, string apiKey)
    {
        var header = context.Request.Headers["X-Api-Key"].ToString();
        if (header.Length > 0)
        {
            return header == apiKey;
        }

        var query = context.Request.Query["apikey"].ToString();
        if (query.Length > 0)
        {
            return query == apiKey;
        }

        var auth = context.Request.Headers.Authorization.ToString();
        return auth.StartsWith("Bearer ", StringComparison.Ordinal) && auth["Bearer ".Length..] == apiKey;
    }

    public static IResult Ok(object value, int status = StatusCodes.Status200OK) => Results.Json(value, Json, statusCode: status);

    /// <summary>Error body as the *arr apps write it: <c>{"message": "..."}</c>.</summary>
    public static IResult Error(int status, string message) => Results.Json(new { message }, Json, statusCode: status);

    /// <summary>DELETE answers: 200 with an empty body.</summary>
    public static IResult Deleted() => Results.Ok();

    /// <summary><c>GET /api/v3/system/status</c> as a Docker install of the app answers it, started five hours ago.</summary>
    public static object SystemStatus(string app, string version, string buildTime, string branch, int migrationVersion, string runtimeVersion, string urlBase, TimeProvider time) => new
    {
        appName = app, instanceName = app, version, buildTime,
        isDebug = false, isProduction = true, isAdmin = false, isUserInteractive = false, startupPath = $"/app/{app.ToLowerInvariant()}/bin",
        appData = "/config", osName = "alpine", osVersion = "3.21.3", isNetCore = true, isLinux = true, isOsx = false,
        isWindows = false, isDocker = true, mode = "console", branch, databaseType = "sqLite",
        databaseVersion = "3.48.0", authentication = "forms", migrationVersion, urlBase,
        runtimeVersion, runtimeName = ".NET", startTime = Date(time.GetUtcNow().AddHours(-5)),
        packageUpdateMechanism = "docker",
    };

    /// <summary><c>GET /api/v3/tag</c>: the library's tags, ids from 1 in the order they were made.</summary>
    public static List<object> Tags(FakeLibrary library)
    {
        lock (library.Sync)
        {
            return library.Tags.Select((label, i) => (object)new { id = i + 1, label }).ToList();
        }
    }

    public static object Language => new { id = 1, name = "English" };

    public static object Revision => new { version = 1, real = 0, isRepack = false };

    public static object MediaInfo => new
    {
        audioBitrate = 640_000L, audioChannels = 5.1, audioCodec = "AC3", audioLanguages = "eng", audioStreamCount = 1,
        videoBitDepth = 8, videoBitrate = 8_000_000L, videoCodec = "x264", videoFps = 23.976, videoDynamicRange = "",
        videoDynamicRangeType = "", resolution = "1920x1080", runTime = "1:58:00", scanType = "Progressive", subtitles = "English",
    };

    public static string Slug(string title) =>
        string.Concat(title.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-')).Trim('-');

    public static string Clean(string title) =>
        string.Concat(title.ToLowerInvariant().Where(char.IsLetterOrDigit));

    /// <summary>Folder names as the *arr apps make them: no characters a file system refuses.</summary>
    public static string Folder(string title, int year) =>
        string.Concat($"{title} ({year})".Where(c => c is not (':' or '/' or '\\' or '?' or '*' or '"' or '<' or '>' or '|')));

    public static async Task<JsonDocument?> ReadBodyAsync(HttpContext context)
    {
        try
        {
            return await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static List<int> Ints(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Number).Select(e => e.GetInt32()).ToList()
            : [];

    public static bool? Bool(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.GetBoolean()
            : null;
}
