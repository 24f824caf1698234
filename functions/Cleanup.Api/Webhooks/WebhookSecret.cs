using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Cleanup.Api.Webhooks;

/// <summary>Checks the shared secret of an inbound webhook in constant time.</summary>
public static class WebhookSecret
{
    public const string Header = "X-Cleanup-Secret";
    public const string QueryParameter = "secret";

    public static bool Matches(HttpRequest request, string expected)
    {
        var given = request.Headers.TryGetValue(Header, out var header) && header.Count > 0
            ? header.ToString()
            : request.Query.TryGetValue(QueryParameter, out var query) ? query.ToString() : null;
        return given is not null && FixedTimeEquals(given, expected);
    }

    /// <summary>Hashing first makes the comparison's time independent of where, and whether in length, the values differ.</summary>
    public static bool FixedTimeEquals(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
