using Cleanup.Engine.Ports;
using Cleanup.Storage.Tables;

namespace Cleanup.Storage.Stores;

/// <summary>Manual keeps in the "Keeps" table: one partition (a homelab keeps hundreds, not millions), row = item id.</summary>
public sealed class TableKeepStore(TableClient table) : IKeepStore
{
    public const string TableName = "Keeps";
    private const string Partition = "keep";

    public async Task<IReadOnlyList<ManualKeep>> ListAsync(CancellationToken cancellationToken)
    {
        var list = new List<ManualKeep>();
        await foreach (var e in table.QueryAsync(cancellationToken: cancellationToken))
        {
            list.Add(new ManualKeep(e.RowKey, e.GetDateTimeOffset("Until"), e.GetString("Reason"), e.GetString("KeptBy") ?? "unknown", e.GetDateTimeOffset("At") ?? default));
        }

        return list;
    }

    public async Task SetAsync(ManualKeep keep, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(Partition, keep.ItemId)
        {
            ["Until"] = keep.Until,
            ["Reason"] = keep.Reason,
            ["KeptBy"] = keep.KeptBy,
            ["At"] = keep.At,
        };
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    public Task<bool> RemoveAsync(string itemId, CancellationToken cancellationToken) =>
        table.DeleteEntityAsync(Partition, itemId, "*", cancellationToken);
}
