using Cleanup.Engine.Sources;

namespace Cleanup.Integrations.Configuration;

/// <summary>Every configured home service, bound from the <c>Services</c> configuration section.</summary>
public sealed class ServicesOptions
{
    public const string SectionName = "Services";

    public List<ServiceInstanceOptions> Radarr { get; set; } = [];
    public List<ServiceInstanceOptions> Sonarr { get; set; } = [];
    public List<ServiceInstanceOptions> Jellyfin { get; set; } = [];
    public List<ServiceInstanceOptions> Emby { get; set; } = [];
    public List<ServiceInstanceOptions> Plex { get; set; } = [];
    public List<ServiceInstanceOptions> Jellyseerr { get; set; } = [];
    public List<ServiceInstanceOptions> Overseerr { get; set; } = [];
    public List<ServiceInstanceOptions> Jellystat { get; set; } = [];
    public List<ServiceInstanceOptions> Tautulli { get; set; } = [];

    /// <summary>Every instance with its kind and index, in a stable order.</summary>
    public IEnumerable<(ServiceKind Kind, int Index, ServiceInstanceOptions Options)> All()
    {
        foreach (var (kind, list) in ByKind())
        {
            for (var i = 0; i < list.Count; i++)
            {
                yield return (kind, i, list[i]);
            }
        }
    }

    private IEnumerable<(ServiceKind, List<ServiceInstanceOptions>)> ByKind() =>
    [
        (ServiceKind.Radarr, Radarr), (ServiceKind.Sonarr, Sonarr), (ServiceKind.Jellyfin, Jellyfin),
        (ServiceKind.Emby, Emby), (ServiceKind.Plex, Plex), (ServiceKind.Jellyseerr, Jellyseerr),
        (ServiceKind.Overseerr, Overseerr), (ServiceKind.Jellystat, Jellystat), (ServiceKind.Tautulli, Tautulli),
    ];
}
