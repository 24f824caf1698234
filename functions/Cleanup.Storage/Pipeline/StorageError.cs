using System.Text.Json;
using System.Xml.Linq;
using Azure;
using Azure.Core;

namespace Cleanup.Storage.Pipeline;

/// <summary>Reads the error code and message from a failed response: the x-ms-error-code header, JSON (tables) or XML (blobs).</summary>
internal readonly record struct StorageError(string? Code, string? Message)
{
    public static StorageError From(Response response) => Parse(
        response.Headers.TryGetValue("x-ms-error-code", out var header) ? header : null,
        response.Content?.ToMemory() ?? ReadOnlyMemory<byte>.Empty);

    /// <summary>Also used for the inner responses of a table transaction.</summary>
    public static StorageError Parse(string? headerCode, ReadOnlyMemory<byte> body)
    {
        string? code = headerCode, message = null;
        if (!body.IsEmpty)
        {
            try
            {
                var first = body.Span.TrimStart(" \r\n\t"u8);
                if (first.Length > 0 && first[0] == (byte)'{')
                {
                    using var doc = JsonDocument.Parse(body);
                    if (doc.RootElement.TryGetProperty("odata.error", out var error))
                    {
                        if (error.TryGetProperty("code", out var c)) code ??= c.GetString();
                        if (error.TryGetProperty("message", out var m))
                            message = m.ValueKind == JsonValueKind.Object && m.TryGetProperty("value", out var v) ? v.GetString() : m.ToString();
                    }
                }
                else if (first.Length > 0 && first[0] == (byte)'<')
                {
                    var xml = XDocument.Parse(System.Text.Encoding.UTF8.GetString(first));
                    code ??= xml.Root?.Element("Code")?.Value;
                    message = xml.Root?.Element("Message")?.Value;
                }
            }
            catch (Exception e) when (e is JsonException or System.Xml.XmlException)
            {
                // An unreadable error body still leaves the status and header code.
            }
        }

        return new StorageError(code, message);
    }

    /// <summary>The service message without the RequestId/Time lines storage appends.</summary>
    public string? FirstLine => Message?.Split('\n', 2)[0].Trim();
}
