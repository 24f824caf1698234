using Azure.Core;

namespace Cleanup.Storage;

/// <summary>
/// The endpoint form of a storage account, for managed identity: endpoint URIs plus a <see cref="TokenCredential"/>
/// (e.g. <c>new DefaultAzureCredential()</c> or <c>new ManagedIdentityCredential(clientId)</c>).
/// The identity needs a data-plane role (Storage Table Data Contributor, Storage Blob Data Contributor).
/// </summary>
public sealed record StorageAccountOptions
{
    /// <summary>e.g. <c>https://myaccount.table.core.windows.net</c>.</summary>
    public Uri? TableEndpoint { get; init; }

    /// <summary>e.g. <c>https://myaccount.blob.core.windows.net</c>. Optional when no blobs are used.</summary>
    public Uri? BlobEndpoint { get; init; }

    public TokenCredential? Credential { get; init; }

    /// <summary>Problems with these options, each naming the setting; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (TableEndpoint is null && BlobEndpoint is null)
            errors.Add($"{nameof(StorageAccountOptions)}: set {nameof(TableEndpoint)} and/or {nameof(BlobEndpoint)}.");
        CheckEndpoint(TableEndpoint, nameof(TableEndpoint), errors);
        CheckEndpoint(BlobEndpoint, nameof(BlobEndpoint), errors);
        if (Credential is null)
            errors.Add($"{nameof(StorageAccountOptions)}.{nameof(Credential)} is required (a TokenCredential such as ManagedIdentityCredential).");
        return errors;
    }

    private static void CheckEndpoint(Uri? endpoint, string name, List<string> errors)
    {
        if (endpoint is null) return;
        if (!endpoint.IsAbsoluteUri || endpoint.Scheme != Uri.UriSchemeHttps)
            errors.Add($"{nameof(StorageAccountOptions)}.{name} must be an absolute https:// URI (bearer tokens are only sent over TLS); got '{endpoint}'.");
        else if (!string.IsNullOrEmpty(endpoint.Query))
            errors.Add($"{nameof(StorageAccountOptions)}.{name} must not carry a query string (SAS tokens are not supported).");
    }
}
