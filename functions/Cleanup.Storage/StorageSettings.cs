using Azure.Identity;

namespace Cleanup.Storage;

/// <summary>
/// Where Cleanup keeps its state, bound from the <c>Storage</c> section: a connection string (Azurite, account key)
/// or endpoints reached with the app's managed identity (Azure).
/// </summary>
public sealed class StorageSettings
{
    public const string SectionName = "Storage";

    /// <summary><c>UseDevelopmentStorage=true</c> or an account-key connection string.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>e.g. https://account.table.core.windows.net/ (managed identity).</summary>
    public string? TableEndpoint { get; set; }

    /// <summary>e.g. https://account.blob.core.windows.net/ (managed identity).</summary>
    public string? BlobEndpoint { get; set; }

    /// <summary>Prefix for every table and container name, so several instances (or tests) can share one account.</summary>
    public string TablePrefix { get; set; } = string.Empty;

    /// <summary>The name of a table with the prefix applied.</summary>
    public string Table(string name) => TablePrefix + name;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ConnectionString) || !string.IsNullOrWhiteSpace(TableEndpoint);

    /// <exception cref="ArgumentException">The settings are unusable; the message names the setting and never shows a key.</exception>
    public StorageAccount CreateAccount()
    {
        if (!string.IsNullOrWhiteSpace(ConnectionString))
        {
            try
            {
                return StorageAccount.FromConnectionString(ConnectionString);
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException)
            {
                throw new ArgumentException($"{SectionName}:ConnectionString is not a valid storage connection string ({ex.GetType().Name}).");
            }
        }

        return StorageAccount.FromCredential(new StorageAccountOptions
        {
            TableEndpoint = Endpoint(TableEndpoint, nameof(TableEndpoint)),
            BlobEndpoint = Endpoint(BlobEndpoint, nameof(BlobEndpoint)),
            Credential = new DefaultAzureCredential(),
        });
    }

    private static Uri? Endpoint(string? value, string name) =>
        string.IsNullOrWhiteSpace(value) ? null
        : Uri.TryCreate(value, UriKind.Absolute, out var uri) ? uri
        : throw new ArgumentException($"{SectionName}:{name} '{value}' is not an absolute URL.");
}
