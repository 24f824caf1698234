using System.Text.RegularExpressions;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Cleanup.Storage.Pipeline;

namespace Cleanup.Storage.Blobs;

/// <summary>
/// The few Blob Storage operations the app needs (large library snapshots passed by reference): create container,
/// put/get/delete a block blob in a single request. Thread-safe; get one from
/// <see cref="StorageAccount.GetBlobContainerClient"/>.
/// </summary>
public sealed partial class BlobContainerClient
{
    private readonly HttpPipeline _pipeline;
    private readonly string _endpoint;

    internal BlobContainerClient(HttpPipeline pipeline, Uri endpoint, string containerName)
    {
        ArgumentNullException.ThrowIfNull(containerName);
        if (!ContainerPattern().IsMatch(containerName) || containerName.Contains("--", StringComparison.Ordinal))
            throw new ArgumentException(
                $"'{containerName}' is not a valid container name: use 3 to 63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit.",
                nameof(containerName));
        _pipeline = pipeline;
        _endpoint = endpoint.AbsoluteUri.TrimEnd('/');
        Name = containerName;
    }

    public string Name { get; }

    /// <summary>Creates the (private) container; true if created, false if it already existed.</summary>
    public async Task<bool> CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = CreateMessage(RequestMethod.Put, "/" + Name + "?restype=container");
        var response = await SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status == 201) return true;
        var error = StorageError.From(response);
        if (response.Status == 409 && error.Code == "ContainerAlreadyExists") return false;
        throw Failure($"Create container '{Name}'", response.Status, error);
    }

    /// <summary>
    /// Writes (or overwrites) a block blob in one request and returns its ETag. One Put Blob holds up to 5,000 MiB,
    /// more than a <see cref="BinaryData"/> can, so there is no size check here.
    /// </summary>
    public async Task<string?> UploadAsync(string blobName, BinaryData content, string contentType = "application/octet-stream", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrEmpty(contentType);
        using var message = CreateMessage(RequestMethod.Put, BlobPath(blobName));
        message.Request.Headers.SetValue("x-ms-blob-type", "BlockBlob");
        message.Request.Headers.SetValue("Content-Type", contentType);
        message.Request.Content = RequestContent.Create(content);
        var response = await SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status == 201) return response.Headers.TryGetValue("ETag", out var etag) ? etag : null;
        throw Failure($"Upload blob '{blobName}' to container '{Name}'", response.Status, StorageError.From(response));
    }

    /// <summary>Reads a whole blob; null if it (or the container) does not exist.</summary>
    public async Task<BlobDownload?> DownloadAsync(string blobName, CancellationToken cancellationToken = default)
    {
        using var message = CreateMessage(RequestMethod.Get, BlobPath(blobName));
        var response = await SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status == 200)
        {
            return new BlobDownload(
                response.Content,
                response.Headers.TryGetValue("Content-Type", out var type) ? type : null,
                response.Headers.TryGetValue("ETag", out var etag) ? etag : null);
        }

        if (response.Status == 404) return null;
        throw Failure($"Download blob '{blobName}' from container '{Name}'", response.Status, StorageError.From(response));
    }

    /// <summary>Deletes a blob (and its snapshots); false if it did not exist.</summary>
    public async Task<bool> DeleteAsync(string blobName, CancellationToken cancellationToken = default)
    {
        using var message = CreateMessage(RequestMethod.Delete, BlobPath(blobName));
        message.Request.Headers.SetValue("x-ms-delete-snapshots", "include");
        var response = await SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status == 202) return true;
        if (response.Status == 404) return false;
        throw Failure($"Delete blob '{blobName}' from container '{Name}'", response.Status, StorageError.From(response));
    }

    private string BlobPath(string blobName)
    {
        ArgumentException.ThrowIfNullOrEmpty(blobName);
        if (blobName.Length > 1024)
            throw new ArgumentException($"Blob name '{blobName[..50]}…' is {blobName.Length} characters; at most 1024 are allowed.", nameof(blobName));
        if (blobName.EndsWith('/') || blobName.EndsWith('.') || blobName.Any(char.IsControl))
            throw new ArgumentException($"Blob name '{blobName}' must not end with '/' or '.', nor contain control characters.", nameof(blobName));

        // Each segment escaped; '/' kept so names can look like folders.
        return "/" + Name + "/" + string.Join("/", blobName.Split('/').Select(Uri.EscapeDataString));
    }

    private HttpMessage CreateMessage(RequestMethod method, string pathAndQuery)
    {
        var message = _pipeline.CreateMessage();
        message.Request.Method = method;
        message.Request.Uri.Reset(new Uri(_endpoint + pathAndQuery));
        return message;
    }

    private async Task<Response> SendAsync(HttpMessage message, CancellationToken cancellationToken)
    {
        await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return message.Response;
    }

    private static BlobRequestException Failure(string operation, int status, StorageError error) =>
        new(operation, status, error.Code, error.FirstLine);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$")]
    private static partial Regex ContainerPattern();
}
