using System.Text.Json;
using System.Text.Json.Serialization;
using Cleanup.Engine.Evaluation;
using Cleanup.Engine.Library;
using Cleanup.Engine.Ports;
using Cleanup.Storage.Blobs;

namespace Cleanup.Storage.Stores;

/// <summary>
/// The latest library snapshot as one JSON blob (<c>library/latest.json</c> in the "snapshots" container): a library
/// is too large for table entities and is only ever read whole (rule previews). The container is created on first save.
/// </summary>
public sealed class BlobLibrarySnapshotStore(BlobContainerClient container, TimeProvider? time = null) : ILibrarySnapshotStore
{
    public const string ContainerName = "snapshots";
    public const string LatestBlob = "library/latest.json";

    // The format's version: a reader meeting a newer one treats the snapshot as absent rather than misreading it.
    private const int FormatVersion = 1;

    private static readonly JsonSerializerOptions Options = CreateOptions();

    private readonly TimeProvider time = time ?? TimeProvider.System;

    public async Task SaveAsync(UnifiedLibrary library, EvaluationState? state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(library);
        var document = new SnapshotDocument(FormatVersion, time.GetUtcNow(), library, state ?? EvaluationState.Empty);
        var content = BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(document, Options));
        try
        {
            await container.UploadAsync(LatestBlob, content, "application/json", cancellationToken);
        }
        catch (BlobRequestException ex) when (ex.Status == 404 && ex.ErrorCode == "ContainerNotFound")
        {
            await container.CreateIfNotExistsAsync(cancellationToken);
            await container.UploadAsync(LatestBlob, content, "application/json", cancellationToken);
        }
    }

    public async Task<(UnifiedLibrary Library, EvaluationState State)?> LoadLatestAsync(CancellationToken cancellationToken)
    {
        var download = await container.DownloadAsync(LatestBlob, cancellationToken);
        if (download is null) return null;

        var document = JsonSerializer.Deserialize<SnapshotDocument>(download.Content.ToMemory().Span, Options);
        if (document is null || document.Version != FormatVersion) return null;
        return (document.Library, document.State ?? EvaluationState.Empty);
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private sealed record SnapshotDocument(int Version, DateTimeOffset SavedAt, UnifiedLibrary Library, EvaluationState? State);
}
