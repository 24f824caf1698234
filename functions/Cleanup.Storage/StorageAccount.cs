using Azure.Core;
using Azure.Core.Pipeline;
using Cleanup.Storage.Blobs;
using Cleanup.Storage.Pipeline;
using Cleanup.Storage.Tables;

namespace Cleanup.Storage;

/// <summary>
/// Entry point: one storage account (Azure or Azurite) and its authenticated pipelines. Hand out
/// <see cref="TableClient"/>s and <see cref="BlobContainerClient"/>s from it; they are cheap and thread-safe.
/// </summary>
public sealed class StorageAccount
{
    private readonly HttpPipeline? _tablePipeline;
    private readonly HttpPipeline? _blobPipeline;

    private StorageAccount(string? accountName, Uri? tableEndpoint, Uri? blobEndpoint, SharedKeyCredential? key, TokenCredential? token, StorageClientOptions? options)
    {
        options ??= new StorageClientOptions();
        AccountName = accountName;
        TableEndpoint = tableEndpoint;
        BlobEndpoint = blobEndpoint;
        if (tableEndpoint is not null) _tablePipeline = StoragePipeline.Build(StorageService.Table, key, token, options);
        if (blobEndpoint is not null) _blobPipeline = StoragePipeline.Build(StorageService.Blob, key, token, options);
    }

    /// <summary>The account name when known (always for connection strings; null for the endpoint form).</summary>
    public string? AccountName { get; }

    public Uri? TableEndpoint { get; }

    public Uri? BlobEndpoint { get; }

    /// <summary>
    /// From <c>UseDevelopmentStorage=true</c> or <c>DefaultEndpointsProtocol=..;AccountName=..;AccountKey=..;[TableEndpoint=..;BlobEndpoint=..]</c>.
    /// Signs with the account key (SharedKeyLite for tables, SharedKey for blobs).
    /// </summary>
    /// <exception cref="FormatException">The connection string is malformed; the message never contains the key.</exception>
    public static StorageAccount FromConnectionString(string connectionString, StorageClientOptions? options = null)
    {
        var parsed = StorageConnectionString.Parse(connectionString);
        var key = new SharedKeyCredential(parsed.AccountName, parsed.AccountKey);
        return new StorageAccount(parsed.AccountName, parsed.TableEndpoint, parsed.BlobEndpoint, key, token: null, options);
    }

    /// <summary>From endpoint URIs and a <see cref="TokenCredential"/> (managed identity); tokens are requested for <c>https://storage.azure.com/.default</c>.</summary>
    /// <exception cref="ArgumentException">The options are invalid; the message names the setting.</exception>
    public static StorageAccount FromCredential(StorageAccountOptions account, StorageClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(account);
        var errors = account.Validate();
        if (errors.Count > 0) throw new ArgumentException(string.Join(" ", errors), nameof(account));
        return new StorageAccount(null, account.TableEndpoint, account.BlobEndpoint, key: null, account.Credential, options);
    }

    /// <summary>A client for one table (the table is not created; call <see cref="TableClient.CreateIfNotExistsAsync"/>).</summary>
    public TableClient GetTableClient(string tableName)
    {
        if (_tablePipeline is null || TableEndpoint is null)
            throw new InvalidOperationException("This storage account has no TableEndpoint configured.");
        return new TableClient(_tablePipeline, TableEndpoint, tableName);
    }

    /// <summary>A client for one blob container (not created; call <see cref="BlobContainerClient.CreateIfNotExistsAsync"/>).</summary>
    public BlobContainerClient GetBlobContainerClient(string containerName)
    {
        if (_blobPipeline is null || BlobEndpoint is null)
            throw new InvalidOperationException("This storage account has no BlobEndpoint configured.");
        return new BlobContainerClient(_blobPipeline, BlobEndpoint, containerName);
    }
}
