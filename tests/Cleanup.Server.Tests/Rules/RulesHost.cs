using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Cleanup.Testing.Azurite;

namespace Cleanup.Server.Tests.Rules;

/// <summary>The real self-host on a free loopback port, with its own tables on the shared Azurite, and a client for it.</summary>
internal sealed class RulesHost : IAsyncDisposable
{
    private RulesHost(SelfHost host)
    {
        Host = host;
        Client = new HttpClient { BaseAddress = new Uri(host.Url) };
    }

    public SelfHost Host { get; }

    public HttpClient Client { get; }

    public static async Task<RulesHost> StartAsync(AzuriteFixture azurite, IReadOnlyDictionary<string, string?>? configuration = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:TablePrefix"] = azurite.NewTablePrefix(),
        };
        foreach (var (key, value) in configuration ?? new Dictionary<string, string?>()) settings[key] = value;
        return new RulesHost(await SelfHost.StartAsync(["--urls", "http://127.0.0.1:0"], settings));
    }

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json = null, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return Client.SendAsync(request);
    }

    public static async Task<JsonObject> JsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    /// <summary>The raw ETag header (table ETags are weak and must be echoed verbatim).</summary>
    public static string? ETag(HttpResponseMessage response) =>
        response.Headers.TryGetValues("ETag", out var values) ? values.Single() : null;

    public static MediaTypeHeaderValue? ContentType(HttpResponseMessage response) => response.Content.Headers.ContentType;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
    }
}
