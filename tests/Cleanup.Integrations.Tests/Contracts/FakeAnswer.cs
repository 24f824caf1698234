using System.Net;
using System.Text;
using System.Text.Json;
using Cleanup.Fakes.Hosting;

namespace Cleanup.Integrations.Tests.Contracts;

/// <summary>What a fake answered to one raw request: status and parsed body (none when empty).</summary>
public sealed record FakeAnswer(HttpStatusCode Status, JsonElement? Body)
{
    private static readonly HttpClient Http = new();

    /// <summary>Sends <paramref name="method"/> to <paramref name="relative"/> under the fake's base URL with its key.</summary>
    public static async Task<FakeAnswer> SendAsync(FakeService fake, HttpMethod method, string relative, string? jsonBody = null)
    {
        using var request = new HttpRequestMessage(method, fake.BaseUrl + relative);
        request.Headers.Add("X-Api-Key", fake.ApiKey);
        if (jsonBody is not null)
        {
            request.Content = new StringContent(jsonBody, Encoding.UTF8, "application/json");
        }

        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (text.Length == 0)
        {
            return new FakeAnswer(response.StatusCode, null);
        }

        using var document = JsonDocument.Parse(text);
        return new FakeAnswer(response.StatusCode, document.RootElement.Clone());
    }

    /// <summary>A recorded request body (or "null" for none) as a detached element.</summary>
    public static JsonElement Parse(string? json) => JsonDocument.Parse(json ?? "null").RootElement.Clone();

    public JsonElement RequiredBody => Body ?? throw new InvalidOperationException($"HTTP {(int)Status} had no body");

    public string StatusText => ((int)Status).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
