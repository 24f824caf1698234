using Cleanup.Storage.Tables;

namespace Cleanup.Storage.Stores;

/// <summary>Writes many entities as entity group transactions: grouped by partition, 100 per batch, a few batches in flight.</summary>
public static class TableBatches
{
    private const int MaxPerBatch = 100;
    private const int Parallelism = 8;

    /// <returns>The number of operations submitted.</returns>
    public static async Task<int> SubmitAsync(TableClient table, IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        var batches = actions
            .GroupBy(a => a.Entity.PartitionKey, StringComparer.Ordinal)
            .SelectMany(g => g.Chunk(MaxPerBatch))
            .ToList();
        await Parallel.ForEachAsync(
            batches,
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (batch, ct) => await table.SubmitTransactionAsync(batch, ct));
        return batches.Sum(b => b.Length);
    }
}
