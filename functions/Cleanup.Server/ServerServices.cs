using Cleanup.Api;
using Cleanup.Api.Health;
using Cleanup.Api.Jobs;
using Cleanup.Engine.Deletion;
using Cleanup.Engine.Ports;
using Cleanup.Engine.Sync;
using Cleanup.Integrations;
using Cleanup.Integrations.Configuration;
using Cleanup.Integrations.Http;
using Cleanup.Storage;
using Cleanup.Storage.Stores;
using Microsoft.Extensions.Options;

namespace Cleanup.Server;

/// <summary>The self-host's composition root: settings (validated at start), storage, services, API.</summary>
internal static class ServerServices
{
    public static IServiceCollection AddCleanupServer(
        this IServiceCollection services, IConfiguration configuration, StorageSettings storage, HostInfo host, TimeProvider? timeProvider = null)
    {
        services.AddSingleton(timeProvider ?? TimeProvider.System);
        services.AddSingleton(host);
        services.AddProblemDetails();

        services.AddOptions<ServicesOptions>().Bind(configuration.GetSection(ServicesOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ServicesOptions>>(new DelegateValidation<ServicesOptions>(ServicesOptionsValidator.Validate));

        StorageAccount account;
        try
        {
            account = storage.CreateAccount();
        }
        catch (ArgumentException ex)
        {
            throw new StartupException(ex.Message, ex);
        }

        services.AddSingleton(account);
        services.AddSingleton(storage);
        services.AddSingleton<StorageBootstrap>();
        services.AddSingleton<IMediaStore>(new TableMediaStore(account.GetTableClient(storage.Table(TableMediaStore.TableName))));
        services.AddSingleton<IKeepStore>(new TableKeepStore(account.GetTableClient(storage.Table(TableKeepStore.TableName))));
        services.AddSingleton<IRuleStore>(new TableRuleStore(account.GetTableClient(storage.Table(TableRuleStore.TableName))));
        services.AddSingleton<ILibrarySnapshotStore>(
            new BlobLibrarySnapshotStore(account.GetBlobContainerClient(storage.Table(BlobLibrarySnapshotStore.ContainerName).ToLowerInvariant())));
        services.AddSingleton<Api.Rules.RuleSeeding>();
        services.AddSingleton<IStorageHealth>(new TableStorageHealth(account.GetTableClient(storage.Table(TableMediaStore.TableName))));
        services.AddSingleton(sp => new ServiceCatalog(sp.GetRequiredService<IOptions<ServicesOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IServiceCatalog>(sp => sp.GetRequiredService<ServiceCatalog>());
        services.AddSingleton<IEnumerable<IServiceProbe>>(sp => sp.GetRequiredService<ServiceCatalog>().Probes);

        services.AddWorkflows(configuration);
        return services;
    }

    // ---- Workflows (bridge): the rules engine bound to the workflows, the job runner and the schedules ----
    private static void AddWorkflows(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCleanupWorkflows(configuration);
        services.AddSingleton<ILibraryEvaluation>(sp => new LibraryEvaluation(
            sp.GetRequiredService<ISnapshotStore>(),
            sp.GetRequiredService<IRuleStore>(),
            sp.GetRequiredService<IMediaStore>(),
            sp.GetRequiredService<IKeepStore>(),
            sp.GetRequiredService<ILibrarySnapshotStore>(),
            sp.GetRequiredService<IServiceCatalog>()));
        services.AddSingleton<ILeavingSoonSource>(sp => new LeavingSoonFromStore(sp.GetRequiredService<IMediaStore>(), sp.GetRequiredService<ILibrarySnapshotStore>()));
        services.AddSingleton<IDeletionCandidateSource>(sp => new DueItems(
            sp.GetRequiredService<IMediaStore>(), sp.GetRequiredService<ILibrarySnapshotStore>(), sp.GetRequiredService<IDeletionLedger>()));

        // Right before acting: the stored keeps and decision first (cheap), then the media servers (plays, favourites).
        services.AddSingleton<IItemRecheck>(sp => new CompositeItemRecheck(
        [
            new StoredProtectionRecheck(sp.GetRequiredService<IKeepStore>(), sp.GetRequiredService<IMediaStore>(), sp.GetRequiredService<TimeProvider>()),
            new MediaServerRecheck(sp.GetRequiredService<IServiceCatalog>()),
        ]));

        // Table Storage state of the workflows (jobs, lease, ledger, audit, ...) registers before this line; the
        // in-memory state only fills what is still missing.
        services.AddInMemoryWorkflowState();
        services.AddWorkflowSchedules();
    }
    // ---- end of workflows (bridge) ----

    /// <summary>Runs a validator that returns messages naming the setting; they become the start-up error.</summary>
    private sealed class DelegateValidation<T>(Func<T, IReadOnlyList<string>> validate) : IValidateOptions<T>
        where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options)
        {
            var errors = validate(options);
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }
}
