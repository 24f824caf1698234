using Cleanup.Api;
using Cleanup.Api.Hosting;
using Cleanup.Engine.Jobs;
using Cleanup.Engine.Ports;
using Cleanup.Storage;
using Cleanup.Storage.Emulator;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace Cleanup.Server;

/// <summary>
/// The self-hosted Cleanup: one ASP.NET Core process serving the API and the dashboard and running the workflows
/// on their schedules. Starts its own Azurite when no storage is configured, and the sample services in demo mode.
/// Tests start it in process on a free port.
/// </summary>
public sealed class SelfHost : IAsyncDisposable
{
    private const string DefaultUrl = "http://127.0.0.1:7071";

    private readonly List<IAsyncDisposable> owned;

    private SelfHost(WebApplication app, List<IAsyncDisposable> owned)
    {
        App = app;
        this.owned = owned;
        Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    public WebApplication App { get; }

    /// <summary>Where the dashboard and API answer, e.g. http://127.0.0.1:7071.</summary>
    public string Url { get; }

    public IServiceProvider Services => App.Services;

    /// <param name="args">Command line: <c>--demo</c>, <c>--urls</c>, and any configuration key as <c>--Key=value</c>.</param>
    /// <param name="overrides">Configuration that wins over everything else (tests).</param>
    /// <param name="timeProvider">The clock of everything in the host (tests move it); the system clock by default.</param>
    public static async Task<SelfHost> StartAsync(
        string[] args, IReadOnlyDictionary<string, string?>? overrides = null, CancellationToken cancellationToken = default, TimeProvider? timeProvider = null)
    {
        var time = timeProvider ?? TimeProvider.System;
        var demoFlag = args.Contains("--demo");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args.Where(a => a != "--demo").ToArray(),
            ContentRootPath = AppContext.BaseDirectory,
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
        });
        if (overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }

        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        var selfHost = builder.Configuration.GetSection(SelfHostSettings.SectionName).Get<SelfHostSettings>() ?? new SelfHostSettings();
        selfHost.Demo |= demoFlag;
        var owned = new List<IAsyncDisposable>();
        try
        {
            if (selfHost.Demo)
            {
                var demo = await DemoServices.StartAsync(time, cancellationToken);
                owned.Add(demo);
                builder.Configuration.AddInMemoryCollection(demo.Configuration);
            }

            var storage = builder.Configuration.GetSection(StorageSettings.SectionName).Get<StorageSettings>() ?? new StorageSettings();
            if (!storage.IsConfigured)
            {
                var azurite = await StartAzuriteAsync(selfHost, cancellationToken);
                owned.Add(azurite);
                storage.ConnectionString = azurite.ConnectionString;
            }

            builder.Services.AddCleanupServer(builder.Configuration, storage, new Api.Health.HostInfo(time.GetUtcNow(), selfHost.Demo ? "demo" : "live"), time);
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
            builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

            var app = builder.Build();
            await EnsureStorageAsync(app, cancellationToken);
            ConfigurePipeline(app);
            await app.StartAsync(cancellationToken);
            var host = new SelfHost(app, owned);
            app.Logger.LogInformation("Cleanup {Mode} is running: dashboard at {Url}", selfHost.Demo ? "demo" : "live", host.Url);
            if (selfHost.SyncOnStart ?? selfHost.Demo)
            {
                await StartFirstSyncAsync(app, cancellationToken);
            }

            return host;
        }
        catch (OptionsValidationException ex)
        {
            await DisposeAllAsync(owned);
            throw new StartupException(string.Join(Environment.NewLine, ex.Failures), ex);
        }
        catch
        {
            await DisposeAllAsync(owned);
            throw;
        }
    }

    /// <summary>A full sync right after start, so the dashboard has data within seconds (demo mode by default).</summary>
    private static async Task StartFirstSyncAsync(WebApplication app, CancellationToken cancellationToken)
    {
        var started = await app.Services.GetRequiredService<IJobStarter>()
            .StartAsync(new JobRequest(JobKind.FullSync, JobTrigger.Schedule, "schedule"), cancellationToken);
        app.Logger.LogInformation(
            started.Started ? "First full sync started as job {JobId}" : "First full sync not started: job {JobId} is already running",
            started.Job.Id);
    }

    private static async Task<AzuriteProcess> StartAzuriteAsync(SelfHostSettings settings, CancellationToken cancellationToken)
    {
        var folder = Path.GetFullPath(settings.DataFolder);
        try
        {
            return await AzuriteProcess.StartAsync(new AzuriteOptions { Location = Path.Combine(folder, "azurite"), PreferDefaultPorts = true }, cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            throw new StartupException(
                $"No storage is configured (Storage:ConnectionString or Storage:TableEndpoint), and starting Azurite failed: {ex.Message}", ex);
        }
    }

    /// <summary>Creates the tables and seeds the rules; a failure stops the start with a message that says what failed.</summary>
    private static async Task EnsureStorageAsync(WebApplication app, CancellationToken cancellationToken)
    {
        try
        {
            await app.Services.GetRequiredService<CleanupStorageSetup>().EnsureCreatedAsync(cancellationToken);
        }
        catch (InvalidOperationException ex)
        {
            throw new StartupException(ex.Message, ex);
        }
    }

    private static void ConfigurePipeline(WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        if (Directory.Exists(app.Environment.WebRootPath))
        {
            app.UseDefaultFiles();
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(app.Environment.WebRootPath) });
        }
        else
        {
            app.MapGet("/", () => TypedResults.Content(
                "<h1>Cleanup</h1><p>The dashboard is not built. Run <code>./build.sh</code>.</p>", "text/html"));
        }

        app.MapCleanupApi();
    }

    public Task WaitForShutdownAsync() => App.WaitForShutdownAsync();

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        await DisposeAllAsync(owned);
    }

    private static async Task DisposeAllAsync(List<IAsyncDisposable> items)
    {
        for (var i = items.Count - 1; i >= 0; i--)
        {
            await items[i].DisposeAsync();
        }

        items.Clear();
    }
}
