using System.Collections.Concurrent;
using Cleanup.Engine.Ports;

namespace Cleanup.Engine.Workflows.InMemory;

/// <summary>Snapshots in memory (tests, demo without storage).</summary>
public sealed class InMemorySnapshotStore : ISnapshotStore
{
    private readonly ConcurrentDictionary<SnapshotRef, byte[]> blobs = new();

    public IReadOnlyCollection<SnapshotRef> References => [.. blobs.Keys];

    public Task SaveAsync(SnapshotRef reference, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        blobs[reference] = content.ToArray();
        return Task.CompletedTask;
    }

    public Task<byte[]?> LoadAsync(SnapshotRef reference, CancellationToken cancellationToken) =>
        Task.FromResult(blobs.TryGetValue(reference, out var content) ? content : null);
}
