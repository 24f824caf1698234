using Cleanup.Api.Rules;
using Cleanup.Storage;
using Cleanup.Storage.Stores;

namespace Cleanup.Api.Hosting;

/// <summary>
/// Creates the tables Cleanup uses and stores the first rules, once at start-up, with an error that says what
/// failed. Host-agnostic: the self-host runs it before it listens, the Functions host from a hosted service.
/// </summary>
public sealed class CleanupStorageSetup(StorageAccount account, StorageSettings settings, RuleSeeding rules)
{
    public static readonly IReadOnlyList<string> Tables =
    [
        TableMediaStore.TableName, TableKeepStore.TableName, TableRuleStore.TableName,
        .. WorkflowStateRegistration.Tables,
    ];

    /// <exception cref="InvalidOperationException">A table could not be created or the first rules not stored; the message says which.</exception>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        foreach (var table in Tables)
        {
            try
            {
                await account.GetTableClient(settings.Table(table)).CreateIfNotExistsAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is StorageRequestException or HttpRequestException or Azure.RequestFailedException)
            {
                throw new InvalidOperationException($"Could not create table '{settings.Table(table)}' in storage: {ex.Message}", ex);
            }
        }

        try
        {
            await rules.SeedAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is StorageRequestException or HttpRequestException or Azure.RequestFailedException)
        {
            throw new InvalidOperationException($"Could not store the first rules: {ex.Message}", ex);
        }
    }
}
