using System.Security.Cryptography;
using System.Text;

namespace Cleanup.Storage.Pipeline;

/// <summary>
/// The strings to sign for Table SharedKeyLite and Blob SharedKey, kept pure so they can be checked against known
/// vectors. The canonical resource is "/" + account + the request path exactly as encoded on the wire: against
/// Azurite's path-style URLs that path already starts with the account, giving "/devstoreaccount1/devstoreaccount1/...".
/// </summary>
internal static class SharedKeySignature
{
    /// <summary>Table SharedKeyLite: date, newline, canonical resource (with only <c>?comp=</c> from the query).</summary>
    public static string TableStringToSign(string date, string accountName, string encodedPath, string? query)
    {
        var resource = new StringBuilder().Append('/').Append(accountName).Append(PathOrRoot(encodedPath));
        var comp = QueryParameters(query).FirstOrDefault(p => p.Name.Equals("comp", StringComparison.OrdinalIgnoreCase));
        if (comp.Name is not null) resource.Append("?comp=").Append(comp.Value);
        return date + "\n" + resource;
    }

    /// <summary>
    /// Blob SharedKey (version 2015-02-21 and later): verb, the standard headers in their fixed order (Content-Length
    /// empty when zero), the canonicalized x-ms-* headers, then the canonical resource with every query parameter.
    /// </summary>
    public static string BlobStringToSign(
        string method,
        IEnumerable<KeyValuePair<string, string>> headers,
        long? contentLength,
        string accountName,
        string encodedPath,
        string? query)
    {
        var all = headers.ToList();
        string Header(string name) =>
            all.Where(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault() ?? "";

        var sb = new StringBuilder();
        sb.Append(method.ToUpperInvariant()).Append('\n');
        sb.Append(Header("Content-Encoding")).Append('\n');
        sb.Append(Header("Content-Language")).Append('\n');
        sb.Append(contentLength is null or 0 ? "" : contentLength.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        sb.Append(Header("Content-MD5")).Append('\n');
        sb.Append(Header("Content-Type")).Append('\n');
        sb.Append(Header("Date")).Append('\n');
        sb.Append(Header("If-Modified-Since")).Append('\n');
        sb.Append(Header("If-Match")).Append('\n');
        sb.Append(Header("If-None-Match")).Append('\n');
        sb.Append(Header("If-Unmodified-Since")).Append('\n');
        sb.Append(Header("Range")).Append('\n');

        foreach (var h in all
                     .Where(h => h.Key.StartsWith("x-ms-", StringComparison.OrdinalIgnoreCase))
                     .GroupBy(h => h.Key.ToLowerInvariant())
                     .OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            sb.Append(h.Key).Append(':').Append(string.Join(",", h.Select(v => CollapseWhitespace(v.Value)))).Append('\n');
        }

        sb.Append('/').Append(accountName).Append(PathOrRoot(encodedPath));
        foreach (var p in QueryParameters(query)
                     .GroupBy(p => p.Name.ToLowerInvariant())
                     .OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            sb.Append('\n').Append(p.Key).Append(':')
                .Append(string.Join(",", p.Select(v => v.Value).OrderBy(v => v, StringComparer.Ordinal)));
        }

        return sb.ToString();
    }

    public static string Sign(byte[] key, string stringToSign) =>
        Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));

    private static string PathOrRoot(string encodedPath) => string.IsNullOrEmpty(encodedPath) ? "/" : encodedPath;

    private static string CollapseWhitespace(string value) =>
        System.Text.RegularExpressions.Regex.Replace(value.Trim(), @"\s+", " ");

    private static IEnumerable<(string Name, string Value)> QueryParameters(string? query)
    {
        if (string.IsNullOrEmpty(query)) yield break;
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=');
            var name = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]);
            var value = eq < 0 ? "" : Uri.UnescapeDataString(pair[(eq + 1)..]);
            yield return (name, value);
        }
    }
}
