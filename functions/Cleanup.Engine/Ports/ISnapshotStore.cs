using System.Text.Json;
using Cleanup.Engine.Workflows;

namespace Cleanup.Engine.Ports;

/// <summary>Where a large payload lives (a blob): workflow messages carry this instead of the data.</summary>
public sealed record SnapshotRef(string Container, string BlobName);

/// <summary>Blob storage for large workflow payloads such as a library snapshot (claim-check pattern).</summary>
public interface ISnapshotStore
{
    /// <summary>Writes (or overwrites) the blob.</summary>
    Task SaveAsync(SnapshotRef reference, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    /// <summary>The blob's content, or null when it does not exist.</summary>
    Task<byte[]?> LoadAsync(SnapshotRef reference, CancellationToken cancellationToken);
}

public static class SnapshotStoreExtensions
{
    public static async Task<SnapshotRef> SaveJsonAsync<T>(this ISnapshotStore store, SnapshotRef reference, T value, CancellationToken cancellationToken)
    {
        await store.SaveAsync(reference, JsonSerializer.SerializeToUtf8Bytes(value, WorkflowJson.Options), cancellationToken).ConfigureAwait(false);
        return reference;
    }

    /// <summary>Reads a snapshot; a missing one is an error (a workflow only passes references it wrote).</summary>
    public static async Task<T> LoadJsonAsync<T>(this ISnapshotStore store, SnapshotRef reference, CancellationToken cancellationToken)
    {
        var bytes = await store.LoadAsync(reference, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Snapshot {reference.Container}/{reference.BlobName} does not exist.");
        return JsonSerializer.Deserialize<T>(bytes, WorkflowJson.Options)
            ?? throw new InvalidOperationException($"Snapshot {reference.Container}/{reference.BlobName} is empty.");
    }
}
