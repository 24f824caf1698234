using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cleanup.Fakes.Hosting;
using Cleanup.Fakes.Jellyfin;
using Cleanup.Fakes.Library;
using Cleanup.Fakes.Radarr;
using Cleanup.Fakes.Sonarr;
using Cleanup.Testing.Azurite;

namespace Cleanup.Server.Tests.EndToEnd;

/// <summary>
/// A home with a fake Radarr (and optionally a fake Sonarr) on loopback, and the real self-host in process against
/// them and Azurite, on one <see cref="ShiftedClock"/>. The host can be stopped and started again on the same
/// storage (a restart). Schedules are off: the tests trigger every run through the API.
/// </summary>
internal sealed class CleanupSite : IAsyncDisposable
{
    private readonly Dictionary<string, string?> settings;

    private CleanupSite(FakeLibrary library, FakeRadarr radarr, FakeSonarr? sonarr, FakeJellyfin? jellyfin, ShiftedClock clock, Dictionary<string, string?> settings)
    {
        Library = library;
        Radarr = radarr;
        Sonarr = sonarr;
        Jellyfin = jellyfin;
        Clock = clock;
        this.settings = settings;
    }

    public const long GB = 1024L * 1024 * 1024;

    public FakeLibrary Library { get; }

    public FakeRadarr Radarr { get; }

    public FakeSonarr? Sonarr { get; }

    public FakeJellyfin? Jellyfin { get; }

    public ShiftedClock Clock { get; }

    public SelfHost Host { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    /// <summary>DELETE calls Radarr received, by movie id.</summary>
    public IReadOnlyList<int> MovieDeletes =>
    [
        .. Radarr.Calls
            .Where(c => c.Method == "DELETE" && c.Path.StartsWith("/api/v3/movie/", StringComparison.Ordinal))
            .Select(c => int.Parse(c.Path["/api/v3/movie/".Length..], System.Globalization.CultureInfo.InvariantCulture)),
    ];

    /// <param name="seed">Fills the library (dates relative to the clock's now).</param>
    /// <param name="configuration">Settings on top of the site's (e.g. <c>Deletion:MaxItemsPerRun</c>).</param>
    public static async Task<CleanupSite> StartAsync(
        AzuriteFixture azurite, Action<FakeLibrary, DateTimeOffset> seed, IReadOnlyDictionary<string, string?>? configuration = null, bool withSonarr = false, bool withJellyfin = false)
    {
        var clock = new ShiftedClock();
        var library = new FakeLibrary(clock);
        seed(library, clock.GetUtcNow());
        var radarr = new FakeRadarr(library, "e2e-radarr-key");
        await radarr.StartAsync();
        FakeSonarr? sonarr = null;
        if (withSonarr)
        {
            sonarr = new FakeSonarr(library, "e2e-sonarr-key");
            await sonarr.StartAsync();
        }

        FakeJellyfin? jellyfin = null;
        if (withJellyfin)
        {
            jellyfin = new FakeJellyfin(library, "e2e-jellyfin-key");
            await jellyfin.StartAsync();
        }

        var settings = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:TablePrefix"] = azurite.NewTablePrefix(),
            ["Services:Radarr:0:Name"] = "radarr",
            ["Services:Radarr:0:Url"] = radarr.BaseUrl,
            ["Services:Radarr:0:ApiKey"] = radarr.ApiKey,
            ["Services:Radarr:0:Retries"] = "1",
            ["Services:Radarr:0:RetryDelayMilliseconds"] = "50",
            ["FullSyncSchedule"] = string.Empty,
            ["IncrementalSyncSchedule"] = string.Empty,
            ["CleanupSchedule"] = string.Empty,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        if (sonarr is not null)
        {
            settings["Services:Sonarr:0:Name"] = "sonarr";
            settings["Services:Sonarr:0:Url"] = sonarr.BaseUrl;
            settings["Services:Sonarr:0:ApiKey"] = sonarr.ApiKey;
            settings["Services:Sonarr:0:Retries"] = "1";
            settings["Services:Sonarr:0:RetryDelayMilliseconds"] = "50";
        }

        if (jellyfin is not null)
        {
            settings["Services:Jellyfin:0:Name"] = "jellyfin";
            settings["Services:Jellyfin:0:Url"] = jellyfin.BaseUrl;
            settings["Services:Jellyfin:0:ApiKey"] = jellyfin.ApiKey;
            settings["Services:Jellyfin:0:Retries"] = "1";
            settings["Services:Jellyfin:0:RetryDelayMilliseconds"] = "50";
        }

        foreach (var (key, value) in configuration ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var site = new CleanupSite(library, radarr, sonarr, jellyfin, clock, settings);
        await site.StartHostAsync();
        return site;
    }

    /// <summary>The settings that make deletion real: both switches.</summary>
    public static Dictionary<string, string?> LiveDeletion(params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?> { ["Deletion:DryRun"] = "false", ["Deletion:EnableDeletion"] = "true" };
        foreach (var (key, value) in more) settings[key] = value;
        return settings;
    }

    /// <summary>Stops the host (running jobs are cut off as at a crash of the process) and starts a new one on the same storage.</summary>
    public async Task RestartAsync()
    {
        await StopHostAsync();
        await StartHostAsync();
    }

    public async Task StopHostAsync()
    {
        if (Host is null) return;
        Client.Dispose();
        await Host.DisposeAsync();
        Host = null!;
    }

    /// <summary>POSTs a trigger (e.g. /api/sync/full) and returns the accepted job's id.</summary>
    public async Task<string> StartJobAsync(string path)
    {
        var response = await Client.PostAsync(path, null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["jobId"]!;
    }

    /// <summary>Runs a job to its end through the API and returns it as the API shows it.</summary>
    public async Task<JsonObject> RunAsync(string path)
    {
        var job = await WaitForJobAsync(await StartJobAsync(path));
        return job;
    }

    public async Task<JsonObject> WaitForJobAsync(string id)
    {
        for (var i = 0; i < 600; i++)
        {
            var job = (await Client.GetFromJsonAsync<JsonObject>($"/api/jobs/{id}"))!;
            if ((bool)job["isFinished"]!)
            {
                return job;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"Job {id} did not finish within 30 s.");
    }

    public async Task<JsonObject> GetAsync(string path) => (await Client.GetFromJsonAsync<JsonObject>(path))!;

    /// <summary>The ids of <c>GET /api/media/leaving-soon</c>, in its order.</summary>
    public async Task<IReadOnlyList<string>> LeavingSoonAsync() =>
        [.. (await GetAsync("/api/media/leaving-soon"))["items"]!.AsArray().Select(i => (string)i!["id"]!)];

    /// <summary>Every audit line of <c>GET /api/deletions</c>.</summary>
    public async Task<JsonArray> AuditAsync() => (await GetAsync("/api/deletions?pageSize=500"))["items"]!.AsArray();

    private async Task StartHostAsync()
    {
        Host = await SelfHost.StartAsync(["--urls", "http://127.0.0.1:0"], settings, timeProvider: Clock);
        Client = new HttpClient { BaseAddress = new Uri(Host.Url) };
    }

    public async ValueTask DisposeAsync()
    {
        await StopHostAsync();
        await Radarr.DisposeAsync();
        if (Sonarr is not null) await Sonarr.DisposeAsync();
        if (Jellyfin is not null) await Jellyfin.DisposeAsync();
    }
}
