using Cleanup.Fakes.Library;

namespace Cleanup.Server;

/// <summary>
/// Demo mode: the fake Radarr, Sonarr, Jellyfin, Jellyseerr and Jellystat on loopback, serving one small realistic
/// library, and the configuration that points Cleanup at them.
/// </summary>
internal sealed class DemoServices : IAsyncDisposable
{
    private DemoServices(FakeLibrary library, Dictionary<string, string?> configuration)
    {
        Library = library;
        Configuration = configuration;
    }

    public FakeLibrary Library { get; }

    public IReadOnlyDictionary<string, string?> Configuration { get; }

    public static Task<DemoServices> StartAsync(TimeProvider time, CancellationToken cancellationToken)
    {
        var library = FakeLibraries.Demo(time);
        var configuration = new Dictionary<string, string?>();
        return Task.FromResult(new DemoServices(library, configuration));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
