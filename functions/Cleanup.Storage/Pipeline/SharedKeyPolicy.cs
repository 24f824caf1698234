using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Cleanup.Storage.Pipeline;

/// <summary>
/// Signs every attempt (it sits after the retry policy, so each retry gets a fresh x-ms-date). Tables use
/// SharedKeyLite, blobs the full SharedKey with canonicalized x-ms-* headers.
/// </summary>
internal sealed class SharedKeyPolicy(SharedKeyCredential credential, StorageService service, TimeProvider time)
    : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        var request = message.Request;
        var date = time.GetUtcNow().UtcDateTime.ToString("R", CultureInfo.InvariantCulture);
        request.Headers.SetValue("x-ms-date", date);

        string scheme, stringToSign;
        if (service == StorageService.Table)
        {
            scheme = "SharedKeyLite";
            stringToSign = SharedKeySignature.TableStringToSign(date, credential.AccountName, request.Uri.Path, request.Uri.Query);
        }
        else
        {
            scheme = "SharedKey";
            long? length = null;
            if (request.Content is not null && request.Content.TryComputeLength(out var computed)) length = computed;
            var headers = request.Headers
                .Where(h => !h.Name.Equals("Authorization", StringComparison.OrdinalIgnoreCase))
                .Select(h => new KeyValuePair<string, string>(h.Name, h.Value));
            stringToSign = SharedKeySignature.BlobStringToSign(
                request.Method.Method, headers, length, credential.AccountName, request.Uri.Path, request.Uri.Query);
        }

        var signature = SharedKeySignature.Sign(credential.Key, stringToSign);
        request.Headers.SetValue("Authorization", $"{scheme} {credential.AccountName}:{signature}");
    }
}

internal enum StorageService
{
    Table,
    Blob,
}
