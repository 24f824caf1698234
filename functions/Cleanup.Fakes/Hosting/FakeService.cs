using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Cleanup.Engine.Sources;
using Cleanup.Fakes.Library;

namespace Cleanup.Fakes.Hosting;

/// <summary>
/// Base of every fake home service: a real Kestrel server on 127.0.0.1 serving the library in the real service's
/// JSON shapes, with an API key check, fault switches and a record of every mutating call.
/// </summary>
public abstract class FakeService : IAsyncDisposable
{
    private readonly ConcurrentQueue<RecordedCall> calls = new();
    private WebApplication? app;
    private int requestCount;
    private int inFlight;
    private int maxInFlight;

    protected FakeService(FakeLibrary library, string apiKey)
    {
        Library = library;
        ApiKey = apiKey;
    }

    public abstract ServiceKind Kind { get; }

    public FakeLibrary Library { get; }

    public string ApiKey { get; }

    public FaultSwitches Faults { get; } = new();

    /// <summary>Base URL to configure the client with, e.g. http://127.0.0.1:41234 (plus the service's URL base if any).</summary>
    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>Also record reads (GET/HEAD) in <see cref="Calls"/>, e.g. to check the query a client sends. Off by default.</summary>
    public bool RecordReads { get; set; }

    /// <summary>Mutating calls received, in order (and reads when <see cref="RecordReads"/> is on).</summary>
    public IReadOnlyList<RecordedCall> Calls => calls.ToArray();

    /// <summary>Every request received, including reads and rejected ones.</summary>
    public int RequestCount => Volatile.Read(ref requestCount);

    /// <summary>
    /// Headers a tunnel in front of the service demands (e.g. Cloudflare Access service tokens). A request without
    /// them is refused with 403 before it reaches the service, as the tunnel would. Empty = no tunnel.
    /// </summary>
    public Dictionary<string, string> TunnelHeaders { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The most requests that were being handled at the same moment (for concurrency-limit tests).</summary>
    public int MaxConcurrentRequests => Volatile.Read(ref maxInFlight);

    public void ClearCalls() => calls.Clear();

    /// <summary>Starts listening on 127.0.0.1 (port 0 = a free port).</summary>
    public async Task StartAsync(int port = 0, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, port));
        app = builder.Build();
        app.Use(HandleFaultsAndRecording);
        Map(app);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUrl = address.TrimEnd('/') + UrlBase;
    }

    /// <summary>Path prefix under which the service's API lives on the server (e.g. "/emby"); empty for most.</summary>
    protected virtual string UrlBase => string.Empty;

    /// <summary>A configured URL base ("radarr", "/radarr/") as a path prefix ("/radarr"), or empty for none.</summary>
    protected static string NormalizeBase(string urlBase) =>
        string.IsNullOrWhiteSpace(urlBase) ? string.Empty : "/" + urlBase.Trim('/');

    /// <summary>Maps the service's endpoints.</summary>
    protected abstract void Map(WebApplication app);

    /// <summary>Whether the request carries the right credential, the way the real service checks it.</summary>
    protected abstract bool IsAuthorized(HttpContext context);

    /// <summary>Paths that answer without a credential (e.g. Jellyfin's public system info).</summary>
    protected virtual bool IsPublic(HttpContext context) => false;

    /// <summary>Status the real service answers to a bad or missing key.</summary>
    protected virtual int UnauthorizedStatus => StatusCodes.Status401Unauthorized;

    private async Task HandleFaultsAndRecording(HttpContext context, RequestDelegate next)
    {
        var now = Interlocked.Increment(ref inFlight);
        for (var seen = Volatile.Read(ref maxInFlight); now > seen; seen = Volatile.Read(ref maxInFlight))
        {
            Interlocked.CompareExchange(ref maxInFlight, now, seen);
        }

        try
        {
            await HandleCoreAsync(context, next).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
        }
    }

    private async Task HandleCoreAsync(HttpContext context, RequestDelegate next)
    {
        var n = Interlocked.Increment(ref requestCount);
        var fault = Faults.Current;
        if (fault != Fault.None && Faults.FailFirst is { } first && n > first)
        {
            fault = Fault.None;
        }

        switch (fault)
        {
            case Fault.Down:
                context.Abort();
                return;
            case Fault.Slow:
                await Task.Delay(Faults.SlowDelay, context.RequestAborted).ConfigureAwait(false);
                break;
            case Fault.ServerError:
                context.Response.StatusCode = Faults.ServerErrorStatus;
                await context.Response.WriteAsync("Internal Server Error").ConfigureAwait(false);
                return;
            case Fault.MalformedJson:
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("{\"items\": [ {\"id\": 1, \"title\": ").ConfigureAwait(false);
                return;
            case Fault.EmptyAnswer:
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/json";
                return;
        }

        foreach (var (header, value) in TunnelHeaders)
        {
            if (context.Request.Headers[header].ToString() != value)
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }
        }

        if (!IsPublic(context) && !IsAuthorized(context))
        {
            context.Response.StatusCode = UnauthorizedStatus;
            return;
        }

        if (RecordReads && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)))
        {
            calls.Enqueue(new RecordedCall(context.Request.Method, context.Request.Path.Value ?? "/", context.Request.QueryString.Value ?? string.Empty, null, Library.TimeProvider.GetUtcNow()));
        }
        else if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            context.Request.EnableBuffering();
            string? body = null;
            if (context.Request.ContentLength is > 0 || context.Request.Headers.TransferEncoding.Count > 0)
            {
                using var reader = new StreamReader(context.Request.Body, leaveOpen: true);
                body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
                context.Request.Body.Position = 0;
            }

            calls.Enqueue(new RecordedCall(context.Request.Method, context.Request.Path.Value ?? "/", context.Request.QueryString.Value ?? string.Empty, body, Library.TimeProvider.GetUtcNow()));
        }

        await next(context).ConfigureAwait(false);
    }

    /// <summary>True when paged endpoints should stop early (the <see cref="Fault.TruncatedPaging"/> switch).</summary>
    protected bool TruncatePaging => Faults.Current == Fault.TruncatedPaging;

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync().ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
        }

        GC.SuppressFinalize(this);
    }
}
