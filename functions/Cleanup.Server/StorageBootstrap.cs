using Cleanup.Storage;

namespace Cleanup.Server;

/// <summary>Creates the tables and containers Cleanup uses, once at start-up, with an error that says what failed.</summary>
internal sealed class StorageBootstrap(StorageAccount account, StorageSettings settings, Api.Rules.RuleSeeding rules)
{
    public static readonly string[] Tables =
    [
        Storage.Stores.TableMediaStore.TableName, Storage.Stores.TableKeepStore.TableName, Storage.Stores.TableRuleStore.TableName,
        .. Storage.Stores.WorkflowStateRegistration.Tables,
    ];

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
                throw new StartupException($"Could not create table '{table}' in storage: {ex.Message}", ex);
            }
        }

        try
        {
            await rules.SeedAsync(cancellationToken);
        }
        catch (InvalidOperationException ex)
        {
            throw new StartupException(ex.Message, ex);
        }
        catch (Exception ex) when (ex is StorageRequestException or HttpRequestException or Azure.RequestFailedException)
        {
            throw new StartupException($"Could not store the first rules: {ex.Message}", ex);
        }
    }
}
