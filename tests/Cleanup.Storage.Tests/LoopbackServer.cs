using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Cleanup.Storage.Tests;

/// <summary>
/// A real HTTP server on 127.0.0.1 that answers each request with the next scripted response, for behaviour Azurite
/// cannot be made to show (transient 503s, empty pages with a continuation token).
/// </summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<Func<HttpListenerContext, Task>> _script = new();
    private readonly ConcurrentQueue<(string Method, string PathAndQuery, string? Authorization)> _received = new();
    private readonly Task _loop;

    public LoopbackServer()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        BaseUri = new Uri($"http://127.0.0.1:{port}/devstoreaccount1");
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public Uri BaseUri { get; }

    public IReadOnlyList<(string Method, string PathAndQuery, string? Authorization)> Received => _received.ToList();

    /// <summary>A connection string whose table and blob endpoints point here (signed with the emulator key).</summary>
    public string ConnectionString =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        $"TableEndpoint={BaseUri};BlobEndpoint={BaseUri};";

    public LoopbackServer Respond(int status, string? body = null, IDictionary<string, string>? headers = null)
    {
        _script.Enqueue(async context =>
        {
            context.Response.StatusCode = status;
            foreach (var (name, value) in headers ?? new Dictionary<string, string>()) context.Response.Headers[name] = value;
            if (body is not null)
            {
                var bytes = System.Text.Encoding.UTF8.GetBytes(body);
                context.Response.ContentType = "application/json";
                await context.Response.OutputStream.WriteAsync(bytes);
            }

            context.Response.Close();
        });
        return this;
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (!_listener.IsListening)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }

            _received.Enqueue((context.Request.HttpMethod, context.Request.RawUrl ?? "", context.Request.Headers["Authorization"]));
            if (_script.TryDequeue(out var respond)) await respond(context);
            else
            {
                context.Response.StatusCode = 599;
                context.Response.Close();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop.ConfigureAwait(false);
    }
}
