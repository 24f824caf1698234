using Cleanup.Engine.Sources;
using Cleanup.Fakes.Hosting;
using Cleanup.Fakes.Radarr;
using Cleanup.Fakes.Seerr;
using Cleanup.Fakes.Sonarr;
using Cleanup.Integrations.Configuration;
using Cleanup.Integrations.Http;
using Cleanup.Integrations.Radarr;
using Cleanup.Integrations.Seerr;
using Cleanup.Integrations.Sonarr;

namespace Cleanup.Integrations.Tests.Common;

/// <summary>One client against its fake, reduced to "a read" and "a change", so behaviour every client shares is tested on all.</summary>
internal sealed class ClientCase : IAsyncDisposable
{
    private readonly IDisposable client;

    private ClientCase(FakeService fake, IDisposable client, IServiceProbe probe, Func<Task> read, Func<Task> change)
    {
        Fake = fake;
        this.client = client;
        Probe = probe;
        Read = read;
        Change = change;
    }

    public static TheoryData<string> Kinds => ["radarr", "sonarr", "jellyseerr"];

    public FakeService Fake { get; }

    public IServiceProbe Probe { get; }

    /// <summary>The main library read (a single request for the *arr movie/series list's first call).</summary>
    public Func<Task> Read { get; }

    /// <summary>A single-request change (a delete).</summary>
    public Func<Task> Change { get; }

    public static async Task<ClientCase> StartAsync(string kind, Action<ServiceInstanceOptions>? options = null)
    {
        switch (kind)
        {
            case "radarr":
            {
                var fake = await TestServices.StartAsync(new FakeRadarr(TestLibraries.Movies(), TestServices.ApiKey));
                var c = RadarrClient.Create(TestServices.Options(fake, options));
                return new ClientCase(fake, c, c, () => c.ListMoviesAsync(default), () => c.DeleteMovieAsync(1, true, false, default));
            }

            case "sonarr":
            {
                var fake = await TestServices.StartAsync(new FakeSonarr(TestLibraries.Shows(), TestServices.ApiKey));
                var c = SonarrClient.Create(TestServices.Options(fake, options));
                return new ClientCase(fake, c, c, () => c.ListSeriesAsync(default), () => c.DeleteSeriesAsync(1, true, false, default));
            }

            case "jellyseerr":
            {
                var fake = await TestServices.StartAsync(new FakeSeerr(TestLibraries.Requests(5), TestServices.ApiKey));
                var c = SeerrClient.Create(ServiceKind.Jellyseerr, TestServices.Options(fake, options));
                return new ClientCase(fake, c, c, () => c.ListRequestsAsync(default), () => c.DeleteMediaAsync(1, default));
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }

    public async ValueTask DisposeAsync()
    {
        client.Dispose();
        await Fake.DisposeAsync();
    }
}
