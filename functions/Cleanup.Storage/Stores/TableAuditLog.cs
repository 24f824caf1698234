using Cleanup.Engine.Deletion;
using Cleanup.Engine.Ports;
using Cleanup.Storage.Tables;

namespace Cleanup.Storage.Stores;

/// <summary>
/// The deletion audit in the "Audit" table, all in one partition so each record is one entity group transaction:
/// <list type="bullet">
/// <item><c>at|&lt;newest-first ticks&gt;|&lt;id&gt;</c>: the entry as JSON; pages are range reads in this order.</item>
/// <item><c>id|&lt;id&gt;</c>: where the entry's line is and what it counted (outcome, size), for upserts by id.</item>
/// <item><c>summary</c>: running totals (lines, reclaimed and would-reclaim bytes).</item>
/// </list>
/// Totals are kept rather than computed because the audit only grows, and every page read needs them. Recording an
/// id again (intent, then outcome) takes back what the old version counted before adding the new one, and the
/// summary's ETag guards the whole transaction, so concurrent writers retry instead of losing or double counting.
/// A homelab records at most a few hundred lines per run, so contention on the one summary entity is harmless.
/// </summary>
public sealed class TableAuditLog(TableClient table) : IAuditLog
{
    public const string TableName = "Audit";
    private const string Partition = "audit";
    private const string ByIdPrefix = "id|";
    private const string ByTimePrefix = "at|";
    private const string ByTimeEnd = "at}"; // '}' follows '|': the first key after every "at|…"
    private const string SummaryRow = "summary";
    private const string JsonProperty = "Json";
    private const string OrderKeyProperty = "OrderKey";
    private const string OutcomeProperty = "Outcome";
    private const string SizeProperty = "SizeBytes";
    private const string TotalProperty = "Total";
    private const string ReclaimedProperty = "ReclaimedBytes";
    private const string WouldReclaimProperty = "WouldReclaimBytes";
    private const int MaxAttempts = 50;

    public async Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var escapedId = StoreKeys.Escape(entry.Id);
        var idRow = ByIdPrefix + escapedId;
        var orderRow = ByTimePrefix + StoreKeys.NewestFirst(entry.At) + "|" + escapedId;
        var json = StoreJson.Serialize(Fit(entry));
        for (var attempt = 1; ; attempt++)
        {
            var storedTask = table.GetEntityAsync(Partition, idRow, cancellationToken: cancellationToken);
            var summaryTask = table.GetEntityAsync(Partition, SummaryRow, cancellationToken: cancellationToken);
            var stored = await storedTask.ConfigureAwait(false);
            var summary = await summaryTask.ConfigureAwait(false);

            var totals = Totals.From(summary);
            if (stored is null) totals = totals with { Lines = totals.Lines + 1 };
            else totals = totals.Without(stored.GetString(OutcomeProperty), stored.GetInt64(SizeProperty) ?? 0);
            totals = totals.With(entry.Outcome.ToString(), entry.SizeBytes);

            var index = new TableEntity(Partition, idRow)
            {
                [OrderKeyProperty] = orderRow,
                [OutcomeProperty] = entry.Outcome.ToString(),
                [SizeProperty] = entry.SizeBytes,
            };
            var actions = new List<TableTransactionAction>
            {
                stored is null ? new(TableTransactionActionType.Add, index) : new(TableTransactionActionType.UpdateReplace, index, stored.ETag),
                new(TableTransactionActionType.UpsertReplace, new TableEntity(Partition, orderRow) { [JsonProperty] = json }),
                summary is null
                    ? new(TableTransactionActionType.Add, totals.ToEntity())
                    : new(TableTransactionActionType.UpdateReplace, totals.ToEntity(), summary.ETag),
            };
            if (stored?.GetString(OrderKeyProperty) is { } oldOrder && oldOrder != orderRow)
                actions.Add(new(TableTransactionActionType.Delete, new TableEntity(Partition, oldOrder)));

            try
            {
                await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (TableConflictException) when (attempt < MaxAttempts)
            {
                // Another line was recorded since we read the totals: back off a little (spreads racing writers), re-read.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * Math.Min(attempt, 10))), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public async Task<AuditPage> ReadAsync(int page, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var totals = Totals.From(await table.GetEntityAsync(Partition, SummaryRow, cancellationToken: cancellationToken).ConfigureAwait(false));

        var skip = (long)(page - 1) * pageSize;
        if (skip >= totals.Lines) return new AuditPage([], (int)totals.Lines, totals.Reclaimed, totals.WouldReclaim);

        // Table Storage cannot skip: walk the keys (1,000 per request) to the page's first line, then read the page.
        var filter = StoreKeys.PrefixFilter(Partition, ByTimePrefix);
        if (skip > 0)
        {
            string? first = null;
            var seen = 0L;
            await foreach (var key in table.QueryAsync(filter, ["RowKey"], 1000, cancellationToken).ConfigureAwait(false))
            {
                if (seen++ == skip)
                {
                    first = key.RowKey;
                    break;
                }
            }

            if (first is null) return new AuditPage([], (int)totals.Lines, totals.Reclaimed, totals.WouldReclaim);
            filter = TableFilter.Create($"PartitionKey eq {Partition} and RowKey ge {first} and RowKey lt {ByTimeEnd}");
        }

        var items = new List<AuditEntry>(Math.Min(pageSize, 1000));
        await foreach (var entity in table.QueryAsync(filter, [JsonProperty], Math.Min(pageSize, 1000), cancellationToken).ConfigureAwait(false))
        {
            items.Add(StoreJson.Deserialize<AuditEntry>(entity.GetString(JsonProperty), $"table '{table.Name}' row '{entity.RowKey}'"));
            if (items.Count == pageSize) break;
        }

        return new AuditPage(items, (int)totals.Lines, totals.Reclaimed, totals.WouldReclaim);
    }

    /// <summary>Long rule traces are cut so the line fits one table property.</summary>
    private static AuditEntry Fit(AuditEntry entry) =>
        StoreJson.Serialize(entry).Length <= StoreJson.MaxChars ? entry : entry with { Trace = StoreJson.Trim(entry.Trace, StoreJson.MaxChars / 2) };

    private sealed record Totals(long Lines, long Reclaimed, long WouldReclaim)
    {
        public static Totals From(TableEntity? summary) => new(
            summary?.GetInt64(TotalProperty) ?? 0,
            summary?.GetInt64(ReclaimedProperty) ?? 0,
            summary?.GetInt64(WouldReclaimProperty) ?? 0);

        public Totals With(string? outcome, long size) => Add(outcome, size);

        public Totals Without(string? outcome, long size) => Add(outcome, -size);

        public TableEntity ToEntity() => new(Partition, SummaryRow)
        {
            [TotalProperty] = Lines,
            [ReclaimedProperty] = Reclaimed,
            [WouldReclaimProperty] = WouldReclaim,
        };

        private Totals Add(string? outcome, long size) => outcome switch
        {
            nameof(AuditOutcome.Deleted) => this with { Reclaimed = Reclaimed + size },
            nameof(AuditOutcome.WouldDelete) => this with { WouldReclaim = WouldReclaim + size },
            _ => this,
        };
    }
}
