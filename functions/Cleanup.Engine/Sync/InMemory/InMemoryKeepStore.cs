using System.Collections.Concurrent;
using Cleanup.Engine.Ports;

namespace Cleanup.Engine.Sync.InMemory;

/// <summary>Manual keeps in memory (tests).</summary>
public sealed class InMemoryKeepStore : IKeepStore
{
    private readonly ConcurrentDictionary<string, ManualKeep> keeps = new(StringComparer.Ordinal);

    public Task<IReadOnlyList<ManualKeep>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ManualKeep>>([.. keeps.Values.OrderBy(k => k.ItemId, StringComparer.Ordinal)]);

    public Task SetAsync(ManualKeep keep, CancellationToken cancellationToken)
    {
        keeps[keep.ItemId] = keep;
        return Task.CompletedTask;
    }

    public Task<bool> RemoveAsync(string itemId, CancellationToken cancellationToken) =>
        Task.FromResult(keeps.TryRemove(itemId, out _));
}
