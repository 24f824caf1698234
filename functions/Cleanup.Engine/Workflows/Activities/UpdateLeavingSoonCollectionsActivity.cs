using Cleanup.Engine.Ports;
using Cleanup.Engine.Sources;

namespace Cleanup.Engine.Workflows.Activities;

/// <summary>
/// Makes each media server's "leaving soon" collection hold exactly the items leaving soon there (minus items just
/// deleted). A server that fails is reported; the others are still updated.
/// </summary>
public sealed class UpdateLeavingSoonCollectionsActivity(
    ILeavingSoonSource leavingSoon,
    IServiceCatalog catalog,
    LeavingSoonCollectionOptions options,
    TimeProvider timeProvider) : IActivity<UpdateCollectionsInput, CollectionsSummary>
{
    public static string Name => ActivityNames.UpdateLeavingSoonCollections;

    public async Task<CollectionsSummary> RunAsync(UpdateCollectionsInput input, CancellationToken cancellationToken)
    {
        if (!options.Enabled || catalog.MediaServers.Count == 0)
        {
            return new CollectionsSummary(0, 0, []);
        }

        var removed = new HashSet<string>(input.RemovedItemIds, StringComparer.Ordinal);
        var entries = await leavingSoon.ListAsync(timeProvider.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        var byServer = entries
            .Where(e => !removed.Contains(e.ItemId))
            .SelectMany(e => e.MediaServerItems)
            .GroupBy(t => t.Server, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Select(t => t.ItemId).Distinct(StringComparer.Ordinal).ToList(), StringComparer.OrdinalIgnoreCase);

        var errors = new List<string>();
        var servers = 0;
        var items = 0;
        foreach (var server in catalog.MediaServers)
        {
            var ids = byServer.GetValueOrDefault(server.Name) ?? [];
            try
            {
                await server.SyncCollectionAsync(options.Name, ids, cancellationToken).ConfigureAwait(false);
                servers++;
                items += ids.Count;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                errors.Add($"{server.Kind} '{server.Name}': updating the '{options.Name}' collection failed: {Describe(ex)}");
            }
        }

        return new CollectionsSummary(servers, items, errors);
    }

    private static string Describe(Exception ex) => ex is SourceReadException read ? read.Reason : ex.Message;
}
