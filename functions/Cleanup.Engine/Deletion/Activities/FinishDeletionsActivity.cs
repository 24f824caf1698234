using Cleanup.Engine.Ports;
using Cleanup.Engine.Sources;
using Cleanup.Engine.Workflows;

namespace Cleanup.Engine.Deletion.Activities;

/// <summary>
/// After the run's deletions: resets the Jellyseerr/Overseerr media of deleted movies and series (so they can be
/// requested again) and refreshes each affected media server's library once. Failures are reported, not thrown:
/// the deletions themselves already happened and are audited.
/// </summary>
public sealed class FinishDeletionsActivity(IServiceCatalog catalog) : IActivity<FinishDeletionsInput, FinishSummary>
{
    public static string Name => ActivityNames.FinishDeletions;

    public async Task<FinishSummary> RunAsync(FinishDeletionsInput input, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        var reset = 0;
        var resettable = input.Deleted.Where(c =>
            c.MediaType is DeletionMediaType.Movie or DeletionMediaType.Series
            && c.Action is DeletionAction.Delete or DeletionAction.UnmonitorAndDeleteFiles);
        foreach (var (instance, mediaId) in resettable.SelectMany(c => c.Targets.Requests).Select(r => (r.Instance, r.MediaId)).Distinct())
        {
            var seerr = catalog.RequestSources.FirstOrDefault(r => string.Equals(r.Name, instance, StringComparison.OrdinalIgnoreCase));
            if (seerr is null)
            {
                errors.Add($"request source '{instance}' is not configured; media {mediaId} not reset");
                continue;
            }

            try
            {
                await seerr.DeleteMediaAsync(mediaId, cancellationToken).ConfigureAwait(false);
                reset++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                errors.Add($"resetting media {mediaId} in '{instance}' failed: {Describe(ex)}");
            }
        }

        var refreshed = 0;
        var servers = input.Deleted.SelectMany(c => c.Targets.MediaServers).Select(t => t.Server).Distinct(StringComparer.OrdinalIgnoreCase);
        foreach (var name in servers)
        {
            var server = catalog.MediaServers.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
            if (server is null)
            {
                continue;
            }

            try
            {
                await server.RefreshLibraryAsync(cancellationToken).ConfigureAwait(false);
                refreshed++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                errors.Add($"refreshing the library of '{name}' failed: {Describe(ex)}");
            }
        }

        return new FinishSummary(reset, refreshed, errors);
    }

    private static string Describe(Exception ex) => ex is SourceReadException read ? read.Reason : ex.Message;
}
