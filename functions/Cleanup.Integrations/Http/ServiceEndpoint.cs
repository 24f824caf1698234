using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Cleanup.Engine.Sources;
using Cleanup.Integrations.Configuration;

namespace Cleanup.Integrations.Http;

/// <summary>
/// HTTP access to one configured service instance: base URL, authentication, tunnel headers, the resilience
/// pipeline and a concurrency limit. Reads that fail become <see cref="SourceReadException"/>, changes that fail
/// become <see cref="ServiceActionException"/>; neither ever carries the key, a header value or a query string.
/// </summary>
public sealed class ServiceEndpoint : IDisposable
{
    private readonly HttpClient http;
    private readonly ResiliencePipeline pipeline;
    private readonly SemaphoreSlim concurrency;
    private readonly Action<HttpRequestMessage, string> authenticate;
    private readonly string baseUrl;

    /// <param name="authenticate">Adds the kind's credential (header or query) given the API key.</param>
    public ServiceEndpoint(
        ServiceKind kind,
        ServiceInstanceOptions options,
        Action<HttpRequestMessage, string> authenticate,
        TimeProvider? timeProvider = null,
        HttpMessageHandler? handler = null)
    {
        Kind = kind;
        Options = options;
        Name = options.Name ?? kind.ToString().ToLowerInvariant();
        baseUrl = (options.Url ?? throw new ArgumentException($"Services:{kind}: Url is required.", nameof(options))).TrimEnd('/');
        DisplayUrl = WithoutCredentials(baseUrl);
        this.authenticate = authenticate;
        TimeProvider = timeProvider ?? TimeProvider.System;
        http = new HttpClient(handler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), ConnectTimeout = TimeSpan.FromSeconds(Math.Min(10, options.TimeoutSeconds)) })
        {
            Timeout = Timeout.InfiniteTimeSpan, // the pipeline's per-attempt timeout governs
        };
        pipeline = ServiceResilience.Create(options, TimeProvider);
        concurrency = new SemaphoreSlim(options.MaxConcurrency, options.MaxConcurrency);
    }

    public string Name { get; }

    public ServiceKind Kind { get; }

    public ServiceInstanceOptions Options { get; }

    public TimeProvider TimeProvider { get; }

    /// <summary>The base URL without credentials (user info and query are dropped), safe to show.</summary>
    public string DisplayUrl { get; }

    /// <summary>GETs <paramref name="relativeUrl"/> and deserializes it; throws <see cref="SourceReadException"/> on any failure.</summary>
    public async Task<T> GetJsonAsync<T>(string relativeUrl, JsonSerializerOptions json, CancellationToken cancellationToken)
    {
        var (status, body) = await SendCoreAsync(HttpMethod.Get, relativeUrl, null, json, cancellationToken, read: true, action: "read").ConfigureAwait(false);
        if (status is not HttpStatusCode.OK)
        {
            throw Failure(read: true, "read", $"HTTP {(int)status} from {PathOnly(relativeUrl)}{Hint(status)}", (int)status);
        }

        if (body.Length == 0)
        {
            throw Failure(read: true, "read", $"empty answer from {PathOnly(relativeUrl)}", null);
        }

        try
        {
            return JsonSerializer.Deserialize<T>(body, json)
                ?? throw Failure(read: true, "read", $"null JSON from {PathOnly(relativeUrl)}", null);
        }
        catch (JsonException ex)
        {
            throw Failure(read: true, "read", $"malformed JSON from {PathOnly(relativeUrl)} at {ex.Path ?? "$"} (line {ex.LineNumber})", null, ex);
        }
    }

    /// <summary>Sends a change; returns the status (2xx) and body. Throws <see cref="ServiceActionException"/> on failure.</summary>
    public async Task<(HttpStatusCode Status, byte[] Body)> SendAsync(
        HttpMethod method, string relativeUrl, object? body, JsonSerializerOptions json, string action, CancellationToken cancellationToken)
    {
        var (status, content) = await SendCoreAsync(method, relativeUrl, body, json, cancellationToken, read: false, action).ConfigureAwait(false);
        if ((int)status is < 200 or > 299)
        {
            throw Failure(read: false, action, $"HTTP {(int)status} from {PathOnly(relativeUrl)}{Hint(status)}", (int)status);
        }

        return (status, content);
    }

    /// <summary>Sends a change and deserializes the answer.</summary>
    public async Task<T> SendJsonAsync<T>(
        HttpMethod method, string relativeUrl, object? body, JsonSerializerOptions json, string action, CancellationToken cancellationToken)
    {
        var (_, content) = await SendAsync(method, relativeUrl, body, json, action, cancellationToken).ConfigureAwait(false);
        try
        {
            return JsonSerializer.Deserialize<T>(content, json) ?? throw Failure(read: false, action, "null JSON", null);
        }
        catch (JsonException ex)
        {
            throw Failure(read: false, action, $"malformed JSON at {ex.Path ?? "$"}", null, ex);
        }
    }

    private async Task<(HttpStatusCode, byte[])> SendCoreAsync(
        HttpMethod method, string relativeUrl, object? body, JsonSerializerOptions json, CancellationToken cancellationToken, bool read, string action)
    {
        var url = baseUrl + "/" + relativeUrl.TrimStart('/');
        var payload = body is null ? null : JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), json);
        await concurrency.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await pipeline.ExecuteAsync(
                async ct =>
                {
                    using var request = new HttpRequestMessage(method, url);
                    request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                    foreach (var (header, value) in Options.Headers)
                    {
                        // App Service settings and shell variables cannot hold '-', so CF_Access_Client_Id means CF-Access-Client-Id.
                        request.Headers.TryAddWithoutValidation(header.Replace('_', '-'), value);
                    }

                    authenticate(request, Options.ApiKey ?? string.Empty);
                    if (payload is not null)
                    {
                        request.Content = new ByteArrayContent(payload);
                        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = Encoding.UTF8.WebName };
                    }

                    using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
                    if (ServiceResilience.IsTransient(response.StatusCode))
                    {
                        throw new TransientStatusException(response.StatusCode);
                    }

                    var bytes = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
                    return (response.StatusCode, bytes);
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException or TransientStatusException or BrokenCircuitException or IOException or OperationCanceledException)
        {
            throw Failure(read, action, Describe(ex), (ex as TransientStatusException)?.Status is { } s ? (int)s : null, ex);
        }
        finally
        {
            concurrency.Release();
        }
    }

    private string Describe(Exception ex) => ex switch
    {
        TransientStatusException t => $"HTTP {(int)t.Status} after {Options.Retries + 1} attempts",
        TimeoutRejectedException => $"timed out after {Options.TimeoutSeconds}s ({Options.Retries + 1} attempts)",
        BrokenCircuitException => "circuit open after repeated failures; not called",
        HttpRequestException h => $"{h.HttpRequestError switch
        {
            HttpRequestError.ConnectionError => "connection failed",
            HttpRequestError.NameResolutionError => "host name not found",
            HttpRequestError.SecureConnectionError => "TLS handshake failed",
            HttpRequestError.ResponseEnded => "connection closed before the answer ended",
            HttpRequestError.InvalidResponse => "invalid HTTP response",
            _ => "request failed",
        }} after {Options.Retries + 1} attempts",
        _ => $"{ex.GetType().Name} after {Options.Retries + 1} attempts",
    };

    private Exception Failure(bool read, string action, string reason, int? status, Exception? inner = null) =>
        read
            ? new SourceReadException(Name, Kind, reason, inner is null ? null : new SanitizedException(inner), status)
            : new ServiceActionException(Name, Kind, action, reason, status, inner is null ? null : new SanitizedException(inner));

    /// <summary>What the owner should check for the statuses that mean "our configuration is wrong".</summary>
    private static string Hint(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => " (the API key was refused)",
        _ => string.Empty,
    };

    private static string WithoutCredentials(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
            ? uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped).TrimEnd('/')
            : "(invalid URL)";

    /// <summary>Keeps only the path: query strings can carry keys (Tautulli's apikey).</summary>
    private static string PathOnly(string relativeUrl)
    {
        var q = relativeUrl.IndexOf('?', StringComparison.Ordinal);
        return "/" + (q < 0 ? relativeUrl : relativeUrl[..q]).TrimStart('/');
    }

    public void Dispose()
    {
        http.Dispose();
        concurrency.Dispose();
    }

    /// <summary>An inner exception reduced to its type: .NET messages can include request URLs.</summary>
    private sealed class SanitizedException(Exception original) : Exception(original.GetType().FullName);
}
