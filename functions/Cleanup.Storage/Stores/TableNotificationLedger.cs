using Cleanup.Engine.Ports;
using Cleanup.Storage.Tables;

namespace Cleanup.Storage.Stores;

/// <summary>
/// Sent leaving-soon notices in the "NotificationLedger" table: one partition, one row per key (the key itself in
/// <c>Key</c>, since row keys are escaped). Adding is idempotent; removing a key that is not there is not an error.
/// </summary>
public sealed class TableNotificationLedger(TableClient table) : INotificationLedger
{
    public const string TableName = "NotificationLedger";
    private const string Partition = "sent";
    private const string KeyProperty = "Key";
    private const int Parallelism = 4;

    public async Task<IReadOnlyCollection<string>> ListAsync(CancellationToken cancellationToken)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var e in table.QueryAsync(TableFilter.Create($"PartitionKey eq {Partition}"), [KeyProperty], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            keys.Add(e.GetString(KeyProperty) ?? e.RowKey);
        }

        return keys;
    }

    public async Task AddAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var actions = keys.Distinct(StringComparer.Ordinal).Select(k =>
            new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(Partition, StoreKeys.Escape(k)) { [KeyProperty] = k }));
        await TableBatches.SubmitAsync(table, actions, cancellationToken).ConfigureAwait(false);
    }

    public async Task RemoveAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);

        // Single deletes, not a transaction: one key already gone would fail a whole transaction with 404.
        await Parallel.ForEachAsync(
            keys.Distinct(StringComparer.Ordinal),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (key, ct) => await table.DeleteEntityAsync(Partition, StoreKeys.Escape(key), "*", ct).ConfigureAwait(false)).ConfigureAwait(false);
    }
}
