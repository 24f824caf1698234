using Azure.Core;

namespace Cleanup.Storage;

/// <summary>
/// Pipeline options for the Table and Blob clients: retries (<see cref="ClientOptions.Retry"/>), transport and
/// diagnostics come from Azure.Core. Only 408, 429, 500 and 503 responses are retried.
/// </summary>
public sealed class StorageClientOptions : ClientOptions
{
    /// <summary>Clock for the x-ms-date header that shared-key signatures cover.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
