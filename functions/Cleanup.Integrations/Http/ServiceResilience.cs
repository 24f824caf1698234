using System.Net;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;
using Cleanup.Integrations.Configuration;

namespace Cleanup.Integrations.Http;

/// <summary>
/// The Polly pipeline every call to a home service runs through: retry (transient failures only, jittered
/// exponential backoff) around a circuit breaker around a per-attempt timeout.
/// </summary>
internal static class ServiceResilience
{
    public static ResiliencePipeline Create(ServiceInstanceOptions options, TimeProvider timeProvider)
    {
        var transient = new PredicateBuilder()
            .Handle<HttpRequestException>()
            .Handle<TimeoutRejectedException>()
            .Handle<TransientStatusException>()
            .Handle<IOException>();

        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider };
        if (options.Retries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = transient,
                MaxRetryAttempts = options.Retries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(options.RetryDelayMilliseconds),
                MaxDelay = TimeSpan.FromSeconds(30),
            });
        }

        return builder
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = transient,
                FailureRatio = 0.5,
                MinimumThroughput = 10,
                SamplingDuration = TimeSpan.FromSeconds(60),
                BreakDuration = TimeSpan.FromSeconds(30),
            })
            .AddTimeout(TimeSpan.FromSeconds(options.TimeoutSeconds))
            .Build();
    }

    /// <summary>Statuses worth another attempt: 408, 429 and 5xx. Other 4xx are the caller's mistake and are not retried.</summary>
    public static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;
}

/// <summary>Thrown inside the pipeline for a transient HTTP status so the retry sees it.</summary>
internal sealed class TransientStatusException(HttpStatusCode status) : Exception($"HTTP {(int)status}")
{
    public HttpStatusCode Status { get; } = status;
}
