namespace Cleanup.Storage.Blobs;

/// <summary>A downloaded blob: its bytes, content type and ETag.</summary>
public sealed record BlobDownload(BinaryData Content, string? ContentType, string? ETag);
