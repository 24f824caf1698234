using Cleanup.Engine.Sources;

namespace Cleanup.Integrations.Jellyfin;

/// <summary>How the Jellyfin family takes the API key, and where its API lives.</summary>
internal static class JellyfinAuthentication
{
    /// <summary>
    /// Jellyfin: <c>Authorization: MediaBrowser Token="key"</c> (the legacy <c>X-Emby-Token</c> is off by default from
    /// 12.0). Emby: <c>X-Emby-Token</c>.
    /// </summary>
    public static Action<HttpRequestMessage, string> For(ServiceKind kind) => kind switch
    {
        ServiceKind.Jellyfin => static (request, key) =>
            request.Headers.TryAddWithoutValidation("Authorization", $"MediaBrowser Client=\"Cleanup\", Device=\"Cleanup\", DeviceId=\"cleanup\", Version=\"1\", Token=\"{key}\""),
        ServiceKind.Emby => static (request, key) => request.Headers.TryAddWithoutValidation("X-Emby-Token", key),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Only Jellyfin and Emby use the Jellyfin client."),
    };

    /// <summary>Emby serves its API under <c>/emby</c>; owners often configure only the host, so it is added when missing.</summary>
    public static string PathPrefix(ServiceKind kind, string url) =>
        kind == ServiceKind.Emby && !new Uri(url).AbsolutePath.TrimEnd('/').EndsWith("/emby", StringComparison.OrdinalIgnoreCase) ? "emby/" : string.Empty;
}
