namespace Cleanup.Storage.Tables;

/// <summary>Where the next page of a query starts (the service's NextPartitionKey/NextRowKey, opaque).</summary>
public sealed record TableContinuationToken(string NextPartitionKey, string? NextRowKey);

/// <summary>
/// One page of query results. A page may be short or even empty while <see cref="Continuation"/> is still set;
/// only a null continuation means the query is complete.
/// </summary>
public sealed record TableQueryPage(IReadOnlyList<TableEntity> Entities, TableContinuationToken? Continuation);
