using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cleanup.Integrations.Json;

/// <summary>
/// JSON settings for every client. Services whose JSON types drift between versions and code paths (ids that are
/// sometimes numbers and sometimes strings, numbers sent as strings by Postgres bigint through node-pg, booleans sent
/// as 0/1) also get the Flexible*Converters, which never throw on a surprising scalar: a value they cannot read
/// becomes null and the mapper decides.
/// </summary>
internal static class LenientJson
{
    /// <summary>
    /// Radarr, Sonarr, Jellyseerr/Overseerr: camelCase, names matched case-insensitively, numbers may arrive as strings
    /// (some servers send ids that way), trailing commas tolerated, nulls left out of what we send.
    /// </summary>
    public static readonly JsonSerializerOptions CamelCase = Options(JsonNamingPolicy.CamelCase, allowTrailingCommas: true);

    /// <param name="caseInsensitive">False for Plex, which sends <c>guid</c> (a string) beside <c>Guid</c> (a list).</param>
    /// <param name="allowTrailingCommas">True for the *arr apps and Seerr (<see cref="CamelCase"/>), as they always were read.</param>
    public static JsonSerializerOptions Options(JsonNamingPolicy? naming, bool caseInsensitive = true, bool allowTrailingCommas = false) => new()
    {
        PropertyNamingPolicy = naming,
        PropertyNameCaseInsensitive = caseInsensitive,
        AllowTrailingCommas = allowTrailingCommas,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        ReadCommentHandling = JsonCommentHandling.Disallow,
    };

    /// <summary>Skips the current value (object/array) and returns null for anything that is not a scalar.</summary>
    internal static bool SkipIfComplex(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            reader.Skip();
            return true;
        }

        return false;
    }
}
