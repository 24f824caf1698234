using Cleanup.Engine.Sources;

namespace Cleanup.Integrations.Configuration;

/// <summary>
/// Checks the services configuration at start-up and fills in default names. Every error names the setting
/// (<c>Services:Radarr:1:Url</c>) so the owner knows exactly what to fix.
/// </summary>
public static class ServicesOptionsValidator
{
    public static IReadOnlyList<string> Validate(ServicesOptions options)
    {
        var errors = new List<string>();
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var perKind = new Dictionary<ServiceKind, int>();
        foreach (var (kind, index, instance) in options.All())
        {
            var path = $"{ServicesOptions.SectionName}:{kind}:{index}";
            perKind[kind] = perKind.GetValueOrDefault(kind) + 1;
            if (string.IsNullOrWhiteSpace(instance.Name))
            {
                var n = perKind[kind];
                instance.Name = n == 1 ? kind.ToString().ToLowerInvariant() : $"{kind.ToString().ToLowerInvariant()}-{n}";
            }

            if (names.TryGetValue(instance.Name, out var other))
            {
                errors.Add($"{path}:Name '{instance.Name}' is already used by {other}; service names must be unique.");
            }
            else
            {
                names[instance.Name] = path;
            }

            if (string.IsNullOrWhiteSpace(instance.Url))
            {
                errors.Add($"{path}:Url is required.");
            }
            else if (!Uri.TryCreate(instance.Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                errors.Add($"{path}:Url is not an absolute http(s) URL.");
            }
            else if (uri.UserInfo.Length > 0 || uri.Query.Length > 0)
            {
                // Shown in the dashboard and in errors: a key or password in it would leak. The value is not echoed.
                errors.Add($"{path}:Url must not carry credentials or a query string; put the key in {path}:ApiKey or {path}:Headers.");
            }

            if (string.IsNullOrWhiteSpace(instance.ApiKey))
            {
                errors.Add($"{path}:ApiKey is required.");
            }

            if (instance.TimeoutSeconds is < 1 or > 600)
            {
                errors.Add($"{path}:TimeoutSeconds must be between 1 and 600 (was {instance.TimeoutSeconds}).");
            }

            if (instance.Retries is < 0 or > 10)
            {
                errors.Add($"{path}:Retries must be between 0 and 10 (was {instance.Retries}).");
            }

            if (instance.MaxConcurrency is < 1 or > 64)
            {
                errors.Add($"{path}:MaxConcurrency must be between 1 and 64 (was {instance.MaxConcurrency}).");
            }

            if (instance.RetryDelayMilliseconds is < 1 or > 60_000)
            {
                errors.Add($"{path}:RetryDelayMilliseconds must be between 1 and 60000 (was {instance.RetryDelayMilliseconds}).");
            }

            if (instance.PageSize is < 1 or > 10_000)
            {
                errors.Add($"{path}:PageSize must be between 1 and 10000 (was {instance.PageSize}).");
            }

            foreach (var header in instance.Headers.Keys)
            {
                if (header.Length == 0 || header.Any(c => c <= ' ' || c >= 127 || c == ':'))
                {
                    errors.Add($"{path}:Headers:{header} is not a valid HTTP header name.");
                }
            }
        }

        CheckStatisticsSources(options, errors);
        return errors;
    }

    /// <summary>Jellystat and Tautulli join through a media server's item ids, so each must name one of the right kind.</summary>
    private static void CheckStatisticsSources(ServicesOptions options, List<string> errors)
    {
        foreach (var (kind, index, instance) in options.All())
        {
            if (kind is not (ServiceKind.Jellystat or ServiceKind.Tautulli))
            {
                continue;
            }

            ServiceKind[] serverKinds = kind == ServiceKind.Jellystat ? [ServiceKind.Jellyfin, ServiceKind.Emby] : [ServiceKind.Plex];
            var servers = options.All().Where(s => serverKinds.Contains(s.Kind)).Select(s => s.Options.Name!).ToList();
            var path = $"{ServicesOptions.SectionName}:{kind}:{index}:MediaServer";
            if (string.IsNullOrWhiteSpace(instance.MediaServer))
            {
                if (servers.Count == 1)
                {
                    instance.MediaServer = servers[0];
                }
                else
                {
                    errors.Add($"{path} is required: name the {string.Join(" or ", serverKinds)} instance whose plays {kind} records ({(servers.Count == 0 ? "none is configured" : "configured: " + string.Join(", ", servers))}).");
                }
            }
            else if (!servers.Contains(instance.MediaServer, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add($"{path} '{instance.MediaServer}' is not a configured {string.Join(" or ", serverKinds)} instance.");
            }
        }
    }
}
