namespace Cleanup.Integrations.Http;

/// <summary>How each kind of service expects its key. Values are added without validation so they are never echoed.</summary>
internal static class ServiceAuthentication
{
    /// <summary>Radarr, Sonarr, Jellyseerr and Overseerr: <c>X-Api-Key: &lt;key&gt;</c>.</summary>
    public static void XApiKey(HttpRequestMessage request, string apiKey) =>
        request.Headers.TryAddWithoutValidation("X-Api-Key", apiKey);
}
