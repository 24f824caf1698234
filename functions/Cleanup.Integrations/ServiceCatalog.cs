using Cleanup.Engine.Ports;
using Cleanup.Engine.Sources;
using Cleanup.Integrations.Configuration;
using Cleanup.Integrations.Http;
using Cleanup.Integrations.Jellyfin;
using Cleanup.Integrations.Jellystat;
using Cleanup.Integrations.Plex;
using Cleanup.Integrations.Radarr;
using Cleanup.Integrations.Tautulli;
using Cleanup.Integrations.Seerr;
using Cleanup.Integrations.Sonarr;

namespace Cleanup.Integrations;

/// <summary>Every configured service instance as a client, built once from validated <see cref="ServicesOptions"/>.</summary>
public sealed class ServiceCatalog : IServiceCatalog, IDisposable
{
    private readonly List<IDisposable> clients = [];

    public ServiceCatalog(ServicesOptions options, TimeProvider timeProvider)
    {
        foreach (var (kind, _, instance) in options.All())
        {
            object client = kind switch
            {
                ServiceKind.Radarr => Add(RadarrClient.Create(instance, timeProvider), MovieManagers),
                ServiceKind.Sonarr => Add(SonarrClient.Create(instance, timeProvider), SeriesManagers),
                ServiceKind.Jellyseerr or ServiceKind.Overseerr => Add(SeerrClient.Create(kind, instance, timeProvider), RequestSources),
                ServiceKind.Jellyfin or ServiceKind.Emby => Add(JellyfinClient.Create(kind, instance, timeProvider, pageSize: instance.PageSize ?? JellyfinClient.DefaultPageSize), MediaServers),
                ServiceKind.Plex => Add(PlexClient.Create(kind, instance, timeProvider, pageSize: instance.PageSize ?? PlexClient.DefaultPageSize), MediaServers),
                ServiceKind.Jellystat => Add(JellystatClient.Create(kind, instance, MediaServerOf(instance, kind), timeProvider, pageSize: instance.PageSize ?? JellystatClient.DefaultPageSize), WatchHistorySources),
                ServiceKind.Tautulli => Add(TautulliClient.Create(kind, instance, MediaServerOf(instance, kind), timeProvider, pageSize: instance.PageSize ?? TautulliClient.DefaultPageSize), WatchHistorySources),
                _ => throw new NotSupportedException($"Services:{kind} is not supported yet."),
            };
            if (client is IServiceProbe probe)
            {
                Probes.Add(probe);
            }

            if (client is IDisposable disposable)
            {
                clients.Add(disposable);
            }
        }
    }

    public List<IMovieManager> MovieManagers { get; } = [];

    public List<ISeriesManager> SeriesManagers { get; } = [];

    public List<IMediaServer> MediaServers { get; } = [];

    public List<IRequestSource> RequestSources { get; } = [];

    public List<IWatchHistorySource> WatchHistorySources { get; } = [];

    /// <summary>Reachability checks for <c>GET /api/services</c>, in configuration order.</summary>
    public List<IServiceProbe> Probes { get; } = [];

    IReadOnlyList<IMovieManager> IServiceCatalog.MovieManagers => MovieManagers;

    IReadOnlyList<ISeriesManager> IServiceCatalog.SeriesManagers => SeriesManagers;

    IReadOnlyList<IMediaServer> IServiceCatalog.MediaServers => MediaServers;

    IReadOnlyList<IRequestSource> IServiceCatalog.RequestSources => RequestSources;

    IReadOnlyList<IWatchHistorySource> IServiceCatalog.WatchHistorySources => WatchHistorySources;

    private static string MediaServerOf(ServiceInstanceOptions instance, ServiceKind kind) =>
        instance.MediaServer ?? throw new InvalidOperationException($"Services:{kind}:{instance.Name}: MediaServer is not set; validate the options first.");

    private static T Add<T, TRole>(T client, List<TRole> role)
        where T : TRole
    {
        role.Add(client);
        return client;
    }

    public void Dispose()
    {
        foreach (var client in clients)
        {
            client.Dispose();
        }
    }
}
