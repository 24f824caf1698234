using Cleanup.Engine.Deletion;
using Cleanup.Engine.Ports;
using Cleanup.Storage.Tables;

namespace Cleanup.Storage.Stores;

/// <summary>
/// The deletion ledger in the "DeletionLedger" table: one entity per item (partition <c>ledger</c>, row = item id),
/// point reads and writes only. A write returns once the service has stored it, which is what lets the pipeline
/// act right after writing the intent.
/// </summary>
public sealed class TableDeletionLedger(TableClient table) : IDeletionLedger
{
    public const string TableName = "DeletionLedger";
    private const string Partition = "ledger";

    public async Task<DeletionLedgerEntry?> GetAsync(string itemId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(itemId);
        var e = await table.GetEntityAsync(Partition, StoreKeys.Escape(itemId), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (e is null) return null;
        return new DeletionLedgerEntry(
            e.GetString("ItemId") ?? itemId,
            e.GetString("RunId") ?? string.Empty,
            Enum.Parse<DeletionAction>(e.GetString("Action") ?? nameof(DeletionAction.DoNothing)),
            e.GetDateTimeOffset("IntentAt") ?? default,
            e.GetString("Outcome") is { } outcome ? Enum.Parse<AuditOutcome>(outcome) : null,
            e.GetString("Reason"),
            e.GetDateTimeOffset("OutcomeAt"));
    }

    public async Task SaveAsync(DeletionLedgerEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);

        // Replace, not merge: an intent written after an outcome must not keep the old outcome.
        var entity = new TableEntity(Partition, StoreKeys.Escape(entry.ItemId))
        {
            ["ItemId"] = entry.ItemId,
            ["RunId"] = entry.RunId,
            ["Action"] = entry.Action.ToString(),
            ["IntentAt"] = entry.IntentAt,
            ["Outcome"] = entry.Outcome?.ToString(),
            ["Reason"] = entry.Reason is { Length: > StoreJson.MaxChars } reason ? reason[..StoreJson.MaxChars] : entry.Reason,
            ["OutcomeAt"] = entry.OutcomeAt,
        };
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }
}
