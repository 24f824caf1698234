using Azure.Core;

namespace Cleanup.Storage.Pipeline;

/// <summary>
/// Retries only what Table/Blob storage documents as transient: 408, 429, 500 and 503. Azure.Core's default also
/// retries 502/504, which storage does not send for transient faults, and never conflicts (4xx) anyway.
/// </summary>
internal sealed class StorageRetryClassifier : ResponseClassifier
{
    public static readonly StorageRetryClassifier Instance = new();

    public override bool IsRetriableResponse(HttpMessage message) => IsTransient(message.Response.Status);

    public static bool IsTransient(int status) => status is 408 or 429 or 500 or 503;
}
