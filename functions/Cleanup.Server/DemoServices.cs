using Cleanup.Engine.Sources;
using Cleanup.Fakes.Hosting;
using Cleanup.Fakes.Library;
using Cleanup.Fakes.Jellyfin;
using Cleanup.Fakes.Jellystat;
using Cleanup.Fakes.Radarr;
using Cleanup.Fakes.Seerr;
using Cleanup.Fakes.Sonarr;

namespace Cleanup.Server;

/// <summary>
/// Demo mode: fake Radarr, Sonarr, Jellyfin, Jellyseerr and Jellystat on loopback, serving one small realistic
/// library, and the configuration that points Cleanup at them.
/// </summary>
internal sealed class DemoServices : IAsyncDisposable
{
    private readonly List<FakeService> services;

    private DemoServices(FakeLibrary library, List<FakeService> services, Dictionary<string, string?> configuration)
    {
        Library = library;
        this.services = services;
        Configuration = configuration;
    }

    public FakeLibrary Library { get; }

    public IReadOnlyList<FakeService> Services => services;

    public IReadOnlyDictionary<string, string?> Configuration { get; }

    public static async Task<DemoServices> StartAsync(TimeProvider time, CancellationToken cancellationToken)
    {
        var library = FakeLibraries.Demo(time);
        var services = new List<FakeService>
        {
            new FakeRadarr(library, "demo-radarr-key"),
            new FakeSonarr(library, "demo-sonarr-key"),
            new FakeSeerr(library, "demo-jellyseerr-key", ServiceKind.Jellyseerr),
            new FakeJellyfin(library, "demo-jellyfin-key"),
            new FakeJellystat(library, "demo-jellystat-key"),
        };
        var configuration = new Dictionary<string, string?>();
        var perKind = new Dictionary<ServiceKind, int>();
        foreach (var service in services)
        {
            await service.StartAsync(cancellationToken: cancellationToken);
            var index = perKind[service.Kind] = perKind.GetValueOrDefault(service.Kind, -1) + 1;
            var prefix = $"Services:{service.Kind}:{index}:";
            configuration[prefix + "Name"] = $"demo-{service.Kind.ToString().ToLowerInvariant()}";
            configuration[prefix + "Url"] = service.BaseUrl;
            configuration[prefix + "ApiKey"] = service.ApiKey;
            if (service.Kind == ServiceKind.Jellystat)
            {
                configuration[prefix + "MediaServer"] = "demo-jellyfin";
            }
        }

        return new DemoServices(library, services, configuration);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var service in services)
        {
            await service.DisposeAsync();
        }
    }
}
