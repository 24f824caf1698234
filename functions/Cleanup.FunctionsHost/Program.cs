using Cleanup.Api.Health;
using Cleanup.Api.Hosting;
using Cleanup.FunctionsHost;
using Cleanup.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// The Azure Functions host: the same composition as the self-host (AddCleanupCore), plus Durable orchestrations,
// timers and HTTP triggers that call the same workflows and API handlers. Bindings and adapters only.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();

builder.Services
    .AddApplicationInsightsTelemetryWorkerService()
    .ConfigureFunctionsApplicationInsights();

// The Application Insights provider adds a rule that drops everything below Warning; host.json's levels apply to
// the host only, so remove it and let the worker's own configuration decide.
builder.Logging.Services.Configure<LoggerFilterOptions>(options =>
{
    var aiDefault = options.Rules.FirstOrDefault(rule =>
        rule.ProviderName == "Microsoft.Extensions.Logging.ApplicationInsights.ApplicationInsightsLoggerProvider");
    if (aiDefault is not null)
    {
        options.Rules.Remove(aiDefault);
    }
});

var storage = builder.Configuration.GetSection(StorageSettings.SectionName).Get<StorageSettings>() ?? new StorageSettings();
if (!storage.IsConfigured)
{
    // Unlike the self-host, there is no Azurite to start here: the app's state must live in configured storage.
    throw new InvalidOperationException(
        "No storage is configured: set Storage__ConnectionString (locally UseDevelopmentStorage=true) or, with the managed identity, "
        + "Storage__TableEndpoint and Storage__BlobEndpoint.");
}

builder.Services.AddCleanupCore(builder.Configuration, storage, new HostInfo(TimeProvider.System.GetUtcNow(), "live"));
builder.Services.AddHostedService<StorageSetupService>();

builder.Build().Run();
