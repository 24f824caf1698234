namespace Cleanup.Storage.Blobs;

/// <summary>A Blob Storage request failed (status, <c>x-ms-error-code</c> and message; never credentials).</summary>
public sealed class BlobRequestException(string operation, int status, string? errorCode, string? serviceMessage)
    : StorageRequestException(operation, status, errorCode, serviceMessage);
