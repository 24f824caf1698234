using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Cleanup.Engine.Sources;
using Cleanup.Fakes.Hosting;
using Cleanup.Fakes.Jellyfin;
using Cleanup.Fakes.Jellystat;
using Cleanup.Fakes.Library;
using Cleanup.Fakes.Radarr;
using Cleanup.Fakes.Seerr;
using Cleanup.Fakes.Sonarr;
using Cleanup.Server;
using Cleanup.Storage.Emulator;
using Cleanup.Storage.Stores;

// The benchmark program (not a test): seeds the fake services with a generated library and measures the self-host's
// full sync, an unchanged re-sync and an incremental sync against a real Azurite. See README "Performance".
//
//   dotnet tests/Cleanup.Benchmarks/bin/Release/net10.0/Cleanup.Benchmarks.dll [--sizes 1k,10k,100k] [--users 5]
var evaluateOnly = Environment.GetCommandLineArgs().Contains("--evaluate-only");
var sizes = Arg("--sizes", "1k,10k").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Scale.Parse).ToList();
var users = int.Parse(Arg("--users", "5"), CultureInfo.InvariantCulture);

Console.WriteLine($"Cleanup benchmark on {Environment.ProcessorCount} cores, .NET {Environment.Version}; Azurite in memory; fakes in process.");
Console.WriteLine();
EvaluationBenchmark.Run(100_000);
Console.WriteLine();
if (evaluateOnly)
{
    return 0;
}

Console.WriteLine("| scale | items | step | wall time | items/s | Media table writes | peak working set |");
Console.WriteLine("|---|---|---|---|---|---|---|");
foreach (var scale in sizes)
{
    await RunAsync(scale, users);
}

return 0;

static async Task RunAsync(Scale scale, int users)
{
    await using var azurite = await AzuriteProcess.StartAsync(new AzuriteOptions());
    var library = FakeLibraries.Generate(TimeProvider.System, scale.Movies, scale.Series, scale.EpisodesPerSeries, users);
    var items = scale.Movies + scale.Series + (scale.Series * scale.EpisodesPerSeries);
    List<FakeService> fakes =
    [
        new FakeRadarr(library, "bench-radarr"),
        new FakeSonarr(library, "bench-sonarr"),
        new FakeJellyfin(library, "bench-jellyfin"),
        new FakeJellystat(library, "bench-jellystat"),
        new FakeSeerr(library, "bench-seerr", ServiceKind.Jellyseerr),
    ];
    var config = new Dictionary<string, string?>
    {
        ["Storage:ConnectionString"] = azurite.ConnectionString,
        ["Cleanup:SyncOnStart"] = "false",
        ["FullSyncSchedule"] = "",
        ["IncrementalSyncSchedule"] = "",
        ["CleanupSchedule"] = "",
        ["Logging:LogLevel:Default"] = "Warning",
    };
    foreach (var fake in fakes)
    {
        await fake.StartAsync();
        var prefix = $"Services:{fake.Kind}:0:";
        config[prefix + "Url"] = fake.BaseUrl;
        config[prefix + "ApiKey"] = fake.ApiKey;
        config[prefix + "TimeoutSeconds"] = "300";
    }

    try
    {
        await using var host = await SelfHost.StartAsync(["--urls", "http://127.0.0.1:0"], config);
        using var http = new HttpClient { BaseAddress = new Uri(host.Url), Timeout = TimeSpan.FromMinutes(30) };
        var media = azurite.CreateAccount().GetTableClient(TableMediaStore.TableName);

        await MeasureAsync(scale, items, "cold full sync", () => RunJobAsync(http, "api/sync/full"), media);
        await MeasureAsync(scale, items, "unchanged re-sync", () => RunJobAsync(http, "api/sync/full"), media);

        // A handful of new plays since the last run, as between two incremental syncs.
        lock (library.Sync)
        {
            foreach (var movie in library.Movies.Take(20))
            {
                library.Watch(library.Users[0].Name, movie.Key, TimeProvider.System.GetUtcNow());
            }
        }

        await MeasureAsync(scale, 20, "incremental sync", () => RunJobAsync(http, "api/sync/incremental"), media);
    }
    finally
    {
        foreach (var fake in fakes)
        {
            await fake.DisposeAsync();
        }
    }
}

static async Task MeasureAsync(Scale scale, int items, string step, Func<Task<string>> run, Cleanup.Storage.Tables.TableClient media)
{
    var before = DateTimeOffset.UtcNow;
    var watch = Stopwatch.StartNew();
    var status = await run();
    watch.Stop();
    var writes = 0;
    await foreach (var entity in media.QueryAsync(select: ["Timestamp"]))
    {
        if (entity.Timestamp >= before.AddSeconds(-1))
        {
            writes++;
        }
    }

    var peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024);
    Console.WriteLine(
        $"| {scale.Name} | {items:N0} | {step}{(status == "Completed" ? string.Empty : $" ({status})")} | {watch.Elapsed.TotalSeconds:F2} s | " +
        $"{items / Math.Max(watch.Elapsed.TotalSeconds, 0.001):N0} | {writes:N0} | {peak:N0} MB |");
}

static async Task<string> RunJobAsync(HttpClient http, string path)
{
    var start = await http.PostAsync(path, null);
    start.EnsureSuccessStatusCode();
    var jobId = (await start.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobId").GetString();
    while (true)
    {
        var job = await http.GetFromJsonAsync<JsonElement>($"api/jobs/{jobId}");
        var status = job.GetProperty("status").GetString()!;
        if (status is "Completed" or "Failed")
        {
            if (status == "Failed")
            {
                Console.Error.WriteLine($"{path} failed: {job.GetProperty("errors")}");
            }

            return status;
        }

        await Task.Delay(50);
    }
}

static string Arg(string name, string fallback)
{
    var args = Environment.GetCommandLineArgs();
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}

/// <summary>A library size: "10k" is the issue's reference (10k movies, 500 series of 50 episodes).</summary>
internal sealed record Scale(string Name, int Movies, int Series, int EpisodesPerSeries)
{
    public static Scale Parse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "1k" => new("1k", 1_000, 50, 50),
        "10k" => new("10k", 10_000, 500, 50),
        "100k" => new("100k", 50_000, 1_000, 50),
        _ => throw new ArgumentException($"--sizes takes 1k, 10k or 100k (got '{text}')."),
    };
}
