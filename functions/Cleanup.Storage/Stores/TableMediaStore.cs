using Cleanup.Engine.Ports;
using Cleanup.Storage.Tables;

namespace Cleanup.Storage.Stores;

/// <summary>The library read model in the "Media" table.</summary>
public sealed class TableMediaStore(TableClient table) : IMediaStore
{
    public const string TableName = "Media";

    public async Task<IReadOnlyList<MediaRecord>> ListAsync(CancellationToken cancellationToken)
    {
        var list = new List<MediaRecord>();
        await foreach (var entity in table.QueryAsync(cancellationToken: cancellationToken))
        {
            list.Add(MediaEntityMapping.FromEntity(entity));
        }

        return list;
    }

    public async Task<MediaRecord?> GetAsync(string id, CancellationToken cancellationToken)
    {
        if (id.Length is 0 or > TableKey.MaxLength || id.IndexOfAny(['/', '\\', '#', '?']) >= 0 || id.Any(char.IsControl))
        {
            return null; // not a key Table Storage can hold, so no such item
        }

        var entity = await table.GetEntityAsync(MediaEntityMapping.PartitionFor(MediaEntityMapping.TypeOf(id), id), id, cancellationToken: cancellationToken);
        return entity is null ? null : MediaEntityMapping.FromEntity(entity);
    }

    public async Task<int> ApplyChangesAsync(IReadOnlyCollection<MediaRecord> upserts, IReadOnlyCollection<string> removedIds, CancellationToken cancellationToken)
    {
        var actions = upserts
            .Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, MediaEntityMapping.ToEntity(r)))
            .Concat(removedIds.Select(id => new TableTransactionAction(
                TableTransactionActionType.Delete, new TableEntity(MediaEntityMapping.PartitionFor(MediaEntityMapping.TypeOf(id), id), id), "*")));
        return await TableBatches.SubmitAsync(table, actions, cancellationToken);
    }
}
