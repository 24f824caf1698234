using System.Text.Json.Serialization;
using Cleanup.Api.Health;
using Cleanup.Api.Jobs;
using Cleanup.Api.Rules;
using Cleanup.Engine.Deletion;
using Cleanup.Engine.Ports;
using Cleanup.Engine.Sync;
using Cleanup.Integrations;
using Cleanup.Integrations.Configuration;
using Cleanup.Integrations.Http;
using Cleanup.Storage;
using Cleanup.Storage.Stores;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Cleanup.Api.Hosting;

/// <summary>
/// What both hosts register the same way: settings (validated at start, errors name the setting), storage and the
/// stores on it, the service catalog and its probes, rule seeding, the API's JSON and ProblemDetails, and the
/// workflows. The self-host adds its job runner, schedules and dashboard; the Functions host its triggers.
/// </summary>
public static class CleanupCoreServices
{
    /// <exception cref="ArgumentException">The storage settings are unusable; the message names the setting.</exception>
    public static IServiceCollection AddCleanupCore(this IServiceCollection services, IConfiguration configuration, StorageSettings storage, HostInfo host)
    {
        ArgumentNullException.ThrowIfNull(storage);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(host);
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));

        services.AddOptions<ServicesOptions>().Bind(configuration.GetSection(ServicesOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ServicesOptions>>(new SettingsValidation<ServicesOptions>(ServicesOptionsValidator.Validate));

        var account = storage.CreateAccount();
        services.AddSingleton(account);
        services.AddSingleton(storage);
        services.AddSingleton<CleanupStorageSetup>();
        services.AddSingleton<IMediaStore>(new TableMediaStore(account.GetTableClient(storage.Table(TableMediaStore.TableName))));
        services.AddSingleton<IKeepStore>(new TableKeepStore(account.GetTableClient(storage.Table(TableKeepStore.TableName))));
        services.AddSingleton<IRuleStore>(new TableRuleStore(account.GetTableClient(storage.Table(TableRuleStore.TableName))));
        services.AddSingleton<ILibrarySnapshotStore>(
            new BlobLibrarySnapshotStore(account.GetBlobContainerClient(storage.Table(BlobLibrarySnapshotStore.ContainerName).ToLowerInvariant())));
        services.AddSingleton<RuleSeeding>();

        // Workflow state (jobs, lease, audit, ledgers, source health, snapshots) in storage; wins over in-memory defaults.
        services.AddTableWorkflowState(account, storage);
        services.AddSingleton<IStorageHealth>(new TableStorageHealth(account.GetTableClient(storage.Table(TableMediaStore.TableName))));
        services.AddSingleton(sp => new ServiceCatalog(sp.GetRequiredService<IOptions<ServicesOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IServiceCatalog>(sp => sp.GetRequiredService<ServiceCatalog>());
        services.AddSingleton<IEnumerable<IServiceProbe>>(sp => sp.GetRequiredService<ServiceCatalog>().Probes);

        services.AddCleanupWorkflows(configuration);

        // A service configured with Required=false is optional for the anomaly stop, like Deletion:OptionalSources.
        services.AddSingleton<IPostConfigureOptions<DeletionOptions>>(sp => new PostConfigureOptions<DeletionOptions, IOptions<ServicesOptions>>(
            Options.DefaultName,
            sp.GetRequiredService<IOptions<ServicesOptions>>(),
            (deletion, servicesOptions) => deletion.OptionalSources.AddRange(
                servicesOptions.Value.All().Where(s => !s.Options.Required && s.Options.Name is not null).Select(s => s.Options.Name!))));
        services.AddRulesBridge();
        return services;
    }

    /// <summary>The rules engine bound to the workflows: evaluation, leaving soon, due items and the last-moment re-check.</summary>
    private static void AddRulesBridge(this IServiceCollection services)
    {
        services.AddSingleton<ILibraryEvaluation>(sp => new LibraryEvaluation(
            sp.GetRequiredService<ISnapshotStore>(),
            sp.GetRequiredService<IRuleStore>(),
            sp.GetRequiredService<IMediaStore>(),
            sp.GetRequiredService<IKeepStore>(),
            sp.GetRequiredService<ILibrarySnapshotStore>(),
            sp.GetRequiredService<IServiceCatalog>()));
        services.AddSingleton<ILeavingSoonSource>(sp => new LeavingSoonFromStore(sp.GetRequiredService<IMediaStore>(), sp.GetRequiredService<ILibrarySnapshotStore>()));
        services.AddSingleton<IDeletionCandidateSource>(sp => new DueItems(
            sp.GetRequiredService<IMediaStore>(),
            sp.GetRequiredService<ILibrarySnapshotStore>(),
            sp.GetRequiredService<IDeletionLedger>(),
            sp.GetRequiredService<IAuditLog>(),
            sp.GetRequiredService<IJobStore>()));

        // Right before acting: the stored keeps and decision first (cheap), then the media servers (plays, favourites).
        services.AddSingleton<IItemRecheck>(sp => new CompositeItemRecheck(
        [
            new StoredProtectionRecheck(sp.GetRequiredService<IKeepStore>(), sp.GetRequiredService<IMediaStore>(), sp.GetRequiredService<TimeProvider>()),
            new MediaServerRecheck(sp.GetRequiredService<IServiceCatalog>()),
        ]));
    }
}
