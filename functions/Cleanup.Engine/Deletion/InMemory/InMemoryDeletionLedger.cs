using System.Collections.Concurrent;
using Cleanup.Engine.Ports;

namespace Cleanup.Engine.Deletion.InMemory;

public sealed class InMemoryDeletionLedger : IDeletionLedger
{
    private readonly ConcurrentDictionary<string, DeletionLedgerEntry> entries = new(StringComparer.Ordinal);

    public IReadOnlyCollection<DeletionLedgerEntry> All => [.. entries.Values];

    public Task<DeletionLedgerEntry?> GetAsync(string itemId, CancellationToken cancellationToken) =>
        Task.FromResult(entries.GetValueOrDefault(itemId));

    public Task SaveAsync(DeletionLedgerEntry entry, CancellationToken cancellationToken)
    {
        entries[entry.ItemId] = entry;
        return Task.CompletedTask;
    }
}
