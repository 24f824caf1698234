using Azure.Core;
using Azure.Core.Pipeline;

namespace Cleanup.Storage.Pipeline;

/// <summary>Builds the Azure.Core pipeline for one service with either shared-key or bearer-token auth.</summary>
internal static class StoragePipeline
{
    /// <summary>The x-ms-version every request sends (what Azure.Data.Tables 12.x sends).</summary>
    public const string ApiVersion = "2020-12-06";

    public const string StorageScope = "https://storage.azure.com/.default";

    public static HttpPipeline Build(StorageService service, SharedKeyCredential? sharedKey, TokenCredential? token, StorageClientOptions options)
    {
        HttpPipelinePolicy auth = sharedKey is not null
            ? new SharedKeyPolicy(sharedKey, service, options.TimeProvider)
            : new BearerTokenAuthenticationPolicy(token ?? throw new ArgumentNullException(nameof(token)), StorageScope);

        return HttpPipelineBuilder.Build(
            options,
            perCallPolicies: [new ApiVersionPolicy()],
            perRetryPolicies: [auth],
            StorageRetryClassifier.Instance);
    }

    private sealed class ApiVersionPolicy : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message) =>
            message.Request.Headers.SetValue("x-ms-version", ApiVersion);
    }
}
