namespace Cleanup.Storage;

/// <summary>
/// Parses the storage connection strings this project supports: <c>UseDevelopmentStorage=true</c> and the
/// account-key form (<c>DefaultEndpointsProtocol</c>, <c>AccountName</c>, <c>AccountKey</c>, optional
/// <c>EndpointSuffix</c>, <c>TableEndpoint</c>, <c>BlobEndpoint</c>). Error messages never repeat the key.
/// </summary>
internal sealed record StorageConnectionString(string AccountName, string AccountKey, Uri? TableEndpoint, Uri? BlobEndpoint)
{
    public const string DevelopmentAccountName = "devstoreaccount1";

    /// <summary>The public, well-known Azurite/emulator key (not a secret).</summary>
    public const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public static StorageConnectionString Parse(string connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new FormatException("The storage connection string is empty.");

        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // Split on the first '=' only: base64 keys end with '='.
            var eq = part.IndexOf('=');
            if (eq <= 0)
                throw new FormatException($"The storage connection string has a segment without 'Name=value' (segment {settings.Count + 1}).");
            settings[part[..eq].Trim()] = part[(eq + 1)..].Trim();
        }

        if (settings.TryGetValue("UseDevelopmentStorage", out var dev) && dev.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            return new StorageConnectionString(
                DevelopmentAccountName,
                DevelopmentAccountKey,
                new Uri($"http://127.0.0.1:10002/{DevelopmentAccountName}"),
                new Uri($"http://127.0.0.1:10000/{DevelopmentAccountName}"));
        }

        if (settings.ContainsKey("SharedAccessSignature"))
            throw new FormatException("Storage connection strings with a SharedAccessSignature are not supported; use an AccountKey or a managed identity.");

        var account = Required(settings, "AccountName");
        var key = Required(settings, "AccountKey");
        var protocol = settings.GetValueOrDefault("DefaultEndpointsProtocol", "https");
        if (protocol is not ("http" or "https"))
            throw new FormatException($"The storage connection string's DefaultEndpointsProtocol must be 'http' or 'https', not '{protocol}'.");
        var suffix = settings.GetValueOrDefault("EndpointSuffix", "core.windows.net");

        var table = Endpoint(settings, "TableEndpoint") ?? new Uri($"{protocol}://{account}.table.{suffix}");
        var blob = Endpoint(settings, "BlobEndpoint") ?? new Uri($"{protocol}://{account}.blob.{suffix}");
        return new StorageConnectionString(account, key, table, blob);
    }

    private static string Required(Dictionary<string, string> settings, string name) =>
        settings.TryGetValue(name, out var value) && value.Length > 0
            ? value
            : throw new FormatException($"The storage connection string has no {name}.");

    private static Uri? Endpoint(Dictionary<string, string> settings, string name)
    {
        if (!settings.TryGetValue(name, out var value) || value.Length == 0) return null;
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw new FormatException($"The storage connection string's {name} is not an absolute http(s) URI: '{value}'.");
        return uri;
    }
}
