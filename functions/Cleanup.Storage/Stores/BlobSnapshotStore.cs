using System.Collections.Concurrent;
using Cleanup.Engine.Ports;
using Cleanup.Storage.Blobs;

namespace Cleanup.Storage.Stores;

/// <summary>
/// Workflow payloads (claim checks) as blobs: <see cref="SnapshotRef.Container"/> names the container, with the
/// storage prefix in front and lower-cased as container names must be; the container is created on first save.
/// </summary>
public sealed class BlobSnapshotStore(StorageAccount account, string containerPrefix = "") : ISnapshotStore
{
    private readonly ConcurrentDictionary<string, BlobContainerClient> containers = new(StringComparer.Ordinal);

    public async Task SaveAsync(SnapshotRef reference, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var container = Container(reference);
        var data = BinaryData.FromBytes(content);
        try
        {
            await container.UploadAsync(reference.BlobName, data, "application/json", cancellationToken).ConfigureAwait(false);
        }
        catch (BlobRequestException ex) when (ex.Status == 404 && ex.ErrorCode == "ContainerNotFound")
        {
            await container.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
            await container.UploadAsync(reference.BlobName, data, "application/json", cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<byte[]?> LoadAsync(SnapshotRef reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var download = await Container(reference).DownloadAsync(reference.BlobName, cancellationToken).ConfigureAwait(false);
        return download?.Content.ToArray();
    }

    private BlobContainerClient Container(SnapshotRef reference) =>
        containers.GetOrAdd((containerPrefix + reference.Container).ToLowerInvariant(), account.GetBlobContainerClient);
}
