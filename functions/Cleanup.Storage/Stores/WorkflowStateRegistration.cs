using Cleanup.Engine.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace Cleanup.Storage.Stores;

/// <summary>Registers Table/Blob Storage for everything the workflows persist.</summary>
public static class WorkflowStateRegistration
{
    /// <summary>The tables the workflow state lives in (create them at start-up, with the prefix applied).</summary>
    public static IReadOnlyList<string> Tables { get; } =
    [
        TableJobStore.TableName,
        TableJobLease.TableName,
        TableAuditLog.TableName,
        TableDeletionLedger.TableName,
        TableSourceHealthStore.TableName,
        TableNotificationLedger.TableName,
    ];

    /// <summary>
    /// Jobs, the workflow lease, the audit, the deletion and notification ledgers, source health and snapshots in
    /// <paramref name="account"/>. Registered with Add (not TryAdd), so they win over in-memory defaults whichever is
    /// registered first. The lease reads the clock from the registered <see cref="TimeProvider"/>.
    /// </summary>
    public static IServiceCollection AddTableWorkflowState(this IServiceCollection services, StorageAccount account, StorageSettings settings)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(settings);
        services.AddSingleton<IJobStore>(new TableJobStore(account.GetTableClient(settings.Table(TableJobStore.TableName))));
        services.AddSingleton<IJobLease>(sp => new TableJobLease(
            account.GetTableClient(settings.Table(TableJobLease.TableName)), sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.AddSingleton<IAuditLog>(new TableAuditLog(account.GetTableClient(settings.Table(TableAuditLog.TableName))));
        services.AddSingleton<IDeletionLedger>(new TableDeletionLedger(account.GetTableClient(settings.Table(TableDeletionLedger.TableName))));
        services.AddSingleton<ISourceHealthStore>(new TableSourceHealthStore(account.GetTableClient(settings.Table(TableSourceHealthStore.TableName))));
        services.AddSingleton<INotificationLedger>(new TableNotificationLedger(account.GetTableClient(settings.Table(TableNotificationLedger.TableName))));
        services.AddSingleton<ISnapshotStore>(new BlobSnapshotStore(account, settings.TablePrefix));
        return services;
    }
}
