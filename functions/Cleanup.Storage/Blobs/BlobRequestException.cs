namespace Cleanup.Storage.Blobs;

/// <summary>A Blob Storage request failed (status, <c>x-ms-error-code</c> and message; never credentials).</summary>
public sealed class BlobRequestException : StorageRequestException
{
    internal BlobRequestException(string operation, int status, string? errorCode, string? serviceMessage)
        : base(operation, status, errorCode, serviceMessage)
    {
    }
}
