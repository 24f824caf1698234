using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;

namespace Cleanup.Fakes.Json;

/// <summary>Writes JSON the way the media services do: their own naming, nulls omitted.</summary>
internal static class FakeJsonResponse
{
    /// <summary>Names as declared, nulls omitted: Jellyfin, Emby (.NET) and Plex.</summary>
    public static readonly JsonSerializerOptions AsDeclared = new() { PropertyNamingPolicy = null, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <summary>Names as declared, nulls written: Jellystat (node) and Tautulli (Python) serialize their rows as they are.</summary>
    public static readonly JsonSerializerOptions AsDeclaredWithNulls = new() { PropertyNamingPolicy = null };

    public static async Task WriteAsync(HttpContext context, object value, JsonSerializerOptions options, int status = StatusCodes.Status200OK)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(JsonSerializer.Serialize(value, value.GetType(), options)).ConfigureAwait(false);
    }

    /// <summary>Jellyfin's date format: <c>2024-05-01T10:20:30.0000000Z</c>.</summary>
    public static string JellyfinDate(DateTimeOffset date) => date.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static string? Query(HttpContext context, string name) =>
        context.Request.Query.TryGetValue(name, out var v) && !string.IsNullOrEmpty(v.ToString()) ? v.ToString() : null;

    public static int? QueryInt(HttpContext context, string name) =>
        int.TryParse(Query(context, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : null;

    public static bool? QueryBool(HttpContext context, string name) =>
        Query(context, name)?.ToLowerInvariant() switch
        {
            "true" or "1" => true,
            "false" or "0" => false,
            _ => null,
        };

    /// <summary>A comma-delimited (or repeated) list parameter.</summary>
    public static HashSet<string> QueryList(HttpContext context, string name) =>
        context.Request.Query[name].SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
}
