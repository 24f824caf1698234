namespace Cleanup.Integrations.Configuration;

/// <summary>
/// One configured home service: bound from <c>Services:&lt;Kind&gt;:&lt;index&gt;</c>
/// (env: <c>Services__Radarr__0__Url</c>). The same kind can be configured several times.
/// </summary>
public sealed class ServiceInstanceOptions
{
    /// <summary>Unique name across all services; defaults to the kind in lower case, with "-2", "-3"... for further instances.</summary>
    public string? Name { get; set; }

    /// <summary>Base URL including any URL base, e.g. <c>http://radarr:7878</c> or <c>https://radarr.example.com/radarr</c>.</summary>
    public string? Url { get; set; }

    /// <summary>API key or token. Never logged, never returned by the API.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Extra headers for a tunnel, e.g. Cloudflare Access <c>CF-Access-Client-Id</c> / <c>CF-Access-Client-Secret</c>. Values are secrets.</summary>
    public Dictionary<string, string> Headers { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Per-attempt timeout.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Retries after the first attempt, for transient failures only.</summary>
    public int Retries { get; set; } = 3;

    /// <summary>First retry delay; later ones grow exponentially with jitter.</summary>
    public int RetryDelayMilliseconds { get; set; } = 1000;

    /// <summary>At most this many requests in flight to this instance.</summary>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>Items per page for paged reads (Jellyseerr's <c>take</c>, Jellyfin's <c>Limit</c>); null = the client's default.</summary>
    public int? PageSize { get; set; }

    /// <summary>
    /// Jellystat and Tautulli only: the name of the media server instance (Jellyfin/Emby for Jellystat, Plex for
    /// Tautulli) whose plays this source records. Defaults to the only one of that kind when there is exactly one.
    /// </summary>
    public string? MediaServer { get; set; }

    /// <summary>When a required source fails, no deletion happens in that run. Defaults to required: safety first.</summary>
    public bool Required { get; set; } = true;
}
