using Cleanup.Engine.Deletion;
using Cleanup.Engine.Jobs;
using Cleanup.Engine.Ports;
using Cleanup.Engine.Sources;
using Cleanup.Storage.Tables;

namespace Cleanup.Storage.Stores;

/// <summary>
/// Per-source read history in the "SourceHealth" table: one partition (a homelab has a handful of sources), row =
/// the source name upper-cased, since source names are matched case-insensitively.
/// </summary>
public sealed class TableSourceHealthStore(TableClient table) : ISourceHealthStore
{
    public const string TableName = "SourceHealth";
    private const string Partition = "source";

    public async Task<IReadOnlyList<SourceHealth>> ListAsync(CancellationToken cancellationToken)
    {
        var list = new List<SourceHealth>();
        await foreach (var e in table.QueryAsync(TableFilter.Create($"PartitionKey eq {Partition}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            list.Add(new SourceHealth(
                e.GetString("Source") ?? e.RowKey,
                Enum.Parse<ServiceKind>(e.GetString("Kind") ?? nameof(ServiceKind.Radarr)),
                e.GetDateTimeOffset("LastAttemptAt") ?? default,
                Enum.Parse<SourceOutcome>(e.GetString("LastOutcome") ?? nameof(SourceOutcome.Failed)),
                e.GetString("LastError"),
                e.GetDateTimeOffset("LastGoodReadAt"),
                e.GetInt32("LastFullCount"),
                e.GetInt32("BaselineCount"),
                e.GetInt32("SuspectSyncs") ?? 0,
                e.GetString("Anomaly")));
        }

        return [.. list.OrderBy(r => r.Source, StringComparer.Ordinal)];
    }

    public async Task SaveAsync(IReadOnlyList<SourceHealth> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);

        // One transaction per 100 (a transaction may not name a row twice: the last record per source wins, as in memory).
        var actions = records
            .GroupBy(r => Row(r.Source), StringComparer.Ordinal)
            .Select(g => new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(g.Key, g.Last())));
        await TableBatches.SubmitAsync(table, actions, cancellationToken).ConfigureAwait(false);
    }

    private static string Row(string source) => StoreKeys.Escape(source.ToUpperInvariant());

    private static TableEntity ToEntity(string row, SourceHealth r) => new(Partition, row)
    {
        ["Source"] = r.Source,
        ["Kind"] = r.Kind.ToString(),
        ["LastAttemptAt"] = r.LastAttemptAt,
        ["LastOutcome"] = r.LastOutcome.ToString(),
        ["LastError"] = Cap(r.LastError),
        ["LastGoodReadAt"] = r.LastGoodReadAt,
        ["LastFullCount"] = r.LastFullCount,
        ["BaselineCount"] = r.BaselineCount,
        ["SuspectSyncs"] = r.SuspectSyncs,
        ["Anomaly"] = Cap(r.Anomaly),
    };

    private static string? Cap(string? text) => text is { Length: > StoreJson.MaxChars } ? text[..StoreJson.MaxChars] : text;
}
