using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Cleanup.Storage.Tests;

/// <summary>Records every request the pipeline sends (method and path-and-query), to assert on what went over the wire.</summary>
internal sealed class RequestLog : HttpPipelineSynchronousPolicy
{
    private readonly ConcurrentQueue<string> _requests = new();

    public IReadOnlyList<string> Requests => _requests.ToList();

    public int Count => _requests.Count;

    public override void OnSendingRequest(HttpMessage message) =>
        _requests.Enqueue($"{message.Request.Method.Method} {message.Request.Uri.PathAndQuery}");

    /// <summary>Options that log each attempt (after retries) into a new log.</summary>
    public static StorageClientOptions Options(out RequestLog log)
    {
        log = new RequestLog();
        var options = new StorageClientOptions();
        options.AddPolicy(log, HttpPipelinePosition.PerRetry);
        return options;
    }
}
