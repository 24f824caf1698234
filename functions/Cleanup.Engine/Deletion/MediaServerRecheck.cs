using Cleanup.Engine.Ports;
using Cleanup.Engine.Sources;

namespace Cleanup.Engine.Deletion;

/// <summary>
/// The media-server half of the re-check: is the item playing now, or has anyone watched it or made it a favourite
/// since it was flagged? Reads each server named in <see cref="DeletionTargets.MediaServers"/> (for series and
/// seasons, list their episodes' ids there too, so a play of any episode counts). A failed read is unknown.
/// Combine with the rules' own checks (manual keep, new request) through <see cref="CompositeItemRecheck"/>.
/// </summary>
public sealed class MediaServerRecheck(IServiceCatalog catalog) : IItemRecheck
{
    public async Task<RecheckResult> RecheckAsync(DeletionCandidate candidate, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var group in candidate.Targets.MediaServers.GroupBy(t => t.Server, StringComparer.OrdinalIgnoreCase))
            {
                var server = catalog.MediaServers.FirstOrDefault(s => string.Equals(s.Name, group.Key, StringComparison.OrdinalIgnoreCase));
                if (server is null)
                {
                    return new RecheckResult(RecheckStatus.Unknown, $"media server '{group.Key}' is not configured any more");
                }

                var ids = new HashSet<string>(group.Select(t => t.ItemId), StringComparer.OrdinalIgnoreCase);
                var playing = (await server.ListNowPlayingAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(p => ids.Contains(p.ItemId));
                if (playing is not null)
                {
                    return RecheckResult.Protected($"{playing.UserName} is playing it on {server.Name} right now");
                }

                foreach (var user in (await server.ListUsersAsync(cancellationToken).ConfigureAwait(false)).Where(u => !u.IsDisabled))
                {
                    var states = await server.ListWatchStateAsync(user, candidate.FlaggedAt, cancellationToken).ConfigureAwait(false);
                    foreach (var state in states.Where(s => ids.Contains(s.ItemId)))
                    {
                        if (state.IsFavorite)
                        {
                            return RecheckResult.Protected($"a favourite of {user.Name} on {server.Name}");
                        }

                        if (candidate.FlaggedAt is { } flagged && state.LastPlayed > flagged)
                        {
                            return RecheckResult.Protected($"watched by {user.Name} on {server.Name} since it was flagged");
                        }
                    }
                }
            }

            return RecheckResult.StillDue;
        }
        catch (SourceReadException ex)
        {
            return new RecheckResult(RecheckStatus.Unknown, $"{ex.Kind} '{ex.Source}' could not be read: {ex.Reason}");
        }
    }
}

/// <summary>Asks each re-check in turn; the first answer other than still-due wins.</summary>
public sealed class CompositeItemRecheck(IEnumerable<IItemRecheck> checks) : IItemRecheck
{
    private readonly IReadOnlyList<IItemRecheck> checks = [.. checks];

    public async Task<RecheckResult> RecheckAsync(DeletionCandidate candidate, CancellationToken cancellationToken)
    {
        foreach (var check in checks)
        {
            var result = await check.RecheckAsync(candidate, cancellationToken).ConfigureAwait(false);
            if (result.Status != RecheckStatus.StillDue)
            {
                return result;
            }
        }

        return RecheckResult.StillDue;
    }
}
