using Cleanup.Engine.Ports;
using Cleanup.Storage.Tables;

namespace Cleanup.Storage.Stores;

/// <summary>Storage is reachable when a one-row query on the Media table answers.</summary>
public sealed class TableStorageHealth(TableClient table) : IStorageHealth
{
    public async Task<string?> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            await table.QueryPageAsync(top: 1, cancellationToken: timeout.Token);
            return null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return "storage did not answer within 5 s";
        }
        catch (Exception ex) when (ex is StorageRequestException or HttpRequestException or Azure.RequestFailedException)
        {
            return ex is StorageRequestException s ? s.Message : $"storage unreachable ({ex.GetType().Name})";
        }
    }
}
