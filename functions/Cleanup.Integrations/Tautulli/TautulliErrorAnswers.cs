using System.Net;
using System.Text.Json;

namespace Cleanup.Integrations.Tautulli;

/// <summary>
/// Tautulli answers a refused call with HTTP 400/401 and its usual envelope (<c>result: "error"</c>, a message such as
/// "Invalid apikey"). The shared endpoint drops bodies of failed calls, so this handler turns such 4xx answers into
/// 200s and the client reports Tautulli's own message. 5xx answers are left alone so they are retried.
/// </summary>
internal sealed class TautulliErrorAnswers(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if ((int)response.StatusCode is < 400 or >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests)
        {
            return response;
        }

        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (IsErrorEnvelope(body))
        {
            response.StatusCode = HttpStatusCode.OK;
        }

        var content = new ByteArrayContent(body);
        foreach (var header in response.Content.Headers)
        {
            content.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        response.Content = content;
        return response;
    }

    private static bool IsErrorEnvelope(byte[] body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("response", out var r)
                && r.ValueKind == JsonValueKind.Object
                && r.TryGetProperty("result", out var result)
                && result.ValueKind == JsonValueKind.String
                && result.GetString() == "error";
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
