using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cleanup.Integrations.Http;

/// <summary>
/// JSON settings for the camelCase services (Radarr, Sonarr, Jellyseerr/Overseerr): names match case-insensitively,
/// numbers may arrive as strings (some servers send ids that way), and nulls are left out of what we send.
/// </summary>
internal static class ServiceJson
{
    public static readonly JsonSerializerOptions CamelCase = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        AllowTrailingCommas = true,
    };
}
