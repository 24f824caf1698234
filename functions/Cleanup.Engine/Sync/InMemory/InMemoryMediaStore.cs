using System.Collections.Concurrent;
using Cleanup.Engine.Ports;

namespace Cleanup.Engine.Sync.InMemory;

/// <summary>The stored library in memory (tests, benchmarks). Counts writes like the table store reports them.</summary>
public sealed class InMemoryMediaStore : IMediaStore
{
    private readonly ConcurrentDictionary<string, MediaRecord> records = new(StringComparer.Ordinal);
    private int written;

    /// <summary>Entities written (upserted or removed) since creation.</summary>
    public int Written => Volatile.Read(ref written);

    public Task<IReadOnlyList<MediaRecord>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<MediaRecord>>([.. records.Values.OrderBy(r => r.Id, StringComparer.Ordinal)]);

    public Task<MediaRecord?> GetAsync(string id, CancellationToken cancellationToken) =>
        Task.FromResult(records.GetValueOrDefault(id));

    public Task<int> ApplyChangesAsync(IReadOnlyCollection<MediaRecord> upserts, IReadOnlyCollection<string> removedIds, CancellationToken cancellationToken)
    {
        foreach (var record in upserts)
        {
            records[record.Id] = record;
        }

        var count = upserts.Count;
        foreach (var id in removedIds)
        {
            if (records.TryRemove(id, out _)) count++;
        }

        Interlocked.Add(ref written, count);
        return Task.FromResult(count);
    }
}
