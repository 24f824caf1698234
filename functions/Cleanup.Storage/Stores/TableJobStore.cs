using Cleanup.Engine.Jobs;
using Cleanup.Engine.Ports;
using Cleanup.Storage.Tables;

namespace Cleanup.Storage.Stores;

/// <summary>
/// Recent jobs in the "Jobs" table. Job ids are GUIDs (not time-ordered), so each job is two rows in one partition,
/// written together in one entity group transaction: <c>id|&lt;id&gt;</c> for the point read by id, and
/// <c>at|&lt;newest-first ticks&gt;|&lt;id&gt;</c> so the list is one range query with $top. Both hold the job as JSON.
/// Saving a new job prunes everything past the newest <see cref="IJobStore.Retained"/>.
/// </summary>
public sealed class TableJobStore(TableClient table) : IJobStore
{
    public const string TableName = "Jobs";
    private const string Partition = "job";
    private const string ByIdPrefix = "id|";
    private const string ByTimePrefix = "at|";
    private const string JsonProperty = "Json";
    private const string OrderKeyProperty = "OrderKey";
    private const int MaxAttempts = 10;

    public async Task SaveAsync(Job job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var idRow = ByIdPrefix + StoreKeys.Escape(job.Id);
        var orderRow = OrderRow(job);
        var json = StoreJson.Serialize(Fit(job));
        for (var attempt = 1; ; attempt++)
        {
            var stored = await table.GetEntityAsync(Partition, idRow, [OrderKeyProperty], cancellationToken).ConfigureAwait(false);
            var actions = new List<TableTransactionAction>
            {
                stored is null
                    ? new(TableTransactionActionType.Add, new TableEntity(Partition, idRow) { [JsonProperty] = json, [OrderKeyProperty] = orderRow })
                    : new(TableTransactionActionType.UpdateReplace, new TableEntity(Partition, idRow) { [JsonProperty] = json, [OrderKeyProperty] = orderRow }, stored.ETag),
                new(TableTransactionActionType.UpsertReplace, new TableEntity(Partition, orderRow) { [JsonProperty] = json }),
            };

            // StartedAt moved (not something the runner does, but the port allows it): the old list row goes.
            if (stored?.GetString(OrderKeyProperty) is { } oldOrder && oldOrder != orderRow)
                actions.Add(new(TableTransactionActionType.Delete, new TableEntity(Partition, oldOrder)));

            try
            {
                await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            }
            catch (TableConflictException) when (attempt < MaxAttempts)
            {
                continue; // saved by someone else since we read it: read again
            }

            if (stored is null) await PruneAsync(cancellationToken).ConfigureAwait(false);
            return;
        }
    }

    public async Task<Job?> GetAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        var entity = await table.GetEntityAsync(Partition, ByIdPrefix + StoreKeys.Escape(id), [JsonProperty], cancellationToken).ConfigureAwait(false);
        return entity is null ? null : Read(entity);
    }

    public async Task<IReadOnlyList<Job>> ListAsync(CancellationToken cancellationToken)
    {
        var jobs = new List<Job>(IJobStore.Retained);
        await foreach (var entity in table.QueryAsync(StoreKeys.PrefixFilter(Partition, ByTimePrefix), [JsonProperty], IJobStore.Retained, cancellationToken).ConfigureAwait(false))
        {
            jobs.Add(Read(entity));
            if (jobs.Count == IJobStore.Retained) break;
        }

        // Rows already come newest first; this only settles jobs started in the same tick the way the in-memory store does.
        return [.. jobs.OrderByDescending(j => j.StartedAt).ThenByDescending(j => j.Id, StringComparer.Ordinal)];
    }

    private async Task PruneAsync(CancellationToken cancellationToken)
    {
        var seen = 0;
        var old = new List<string>();
        await foreach (var entity in table.QueryAsync(StoreKeys.PrefixFilter(Partition, ByTimePrefix), ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (++seen > IJobStore.Retained) old.Add(entity.RowKey);
        }

        foreach (var orderRow in old)
        {
            var idRow = ByIdPrefix + orderRow[(ByTimePrefix.Length + 20)..];
            try
            {
                await table.SubmitTransactionAsync(
                    [
                        new(TableTransactionActionType.Delete, new TableEntity(Partition, orderRow)),
                        new(TableTransactionActionType.Delete, new TableEntity(Partition, idRow)),
                    ],
                    cancellationToken).ConfigureAwait(false);
            }
            catch (TableRequestException ex) when (ex.Status == 404 && ex.ErrorCode != "TableNotFound")
            {
                // Another process pruned it first (or the job was saved again under a new StartedAt).
                await table.DeleteEntityAsync(Partition, orderRow, "*", cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static string OrderRow(Job job) => ByTimePrefix + StoreKeys.NewestFirst(job.StartedAt) + "|" + StoreKeys.Escape(job.Id);

    /// <summary>A job's errors can grow without bound (one per failed source or item); the row cannot.</summary>
    private static Job Fit(Job job) =>
        StoreJson.Serialize(job).Length <= StoreJson.MaxChars ? job : job with { Errors = StoreJson.Trim(job.Errors, StoreJson.MaxChars / 2) };

    private Job Read(TableEntity entity) =>
        StoreJson.Deserialize<Job>(entity.GetString(JsonProperty), $"table '{table.Name}' row '{entity.RowKey}'");
}
