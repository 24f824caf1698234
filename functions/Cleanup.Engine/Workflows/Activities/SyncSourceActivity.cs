using System.Text;
using Cleanup.Engine.Jobs;
using Cleanup.Engine.Ports;
using Cleanup.Engine.Sources;

namespace Cleanup.Engine.Workflows.Activities;

/// <summary>
/// Reads one source, writes what it returned to a snapshot blob, and returns a small summary. A source that cannot
/// be read is reported as failed (its data is then unknown); a failure to store the snapshot throws (and is retried).
/// </summary>
public sealed class SyncSourceActivity(IServiceCatalog catalog, ISnapshotStore snapshots, TimeProvider timeProvider)
    : IActivity<SyncSourceInput, SourceSyncSummary>
{
    public const string Container = "snapshots";

    public static string Name => ActivityNames.SyncSource;

    public async Task<SourceSyncSummary> RunAsync(SyncSourceInput input, CancellationToken cancellationToken)
    {
        var readAt = timeProvider.GetUtcNow();
        SourceSnapshot snapshot;
        int count;
        try
        {
            (snapshot, count) = await ReadAsync(input, readAt, cancellationToken).ConfigureAwait(false);
        }
        catch (SourceReadException ex)
        {
            return new SourceSyncSummary(input.Source, input.Mode, SourceOutcome.Failed, 0, ex.Reason, null, readAt);
        }
        catch (UnknownSourceException ex)
        {
            return new SourceSyncSummary(input.Source, input.Mode, SourceOutcome.Failed, 0, ex.Message, null, readAt);
        }

        var reference = new SnapshotRef(Container, $"{Safe(input.RunId)}/{Safe(input.Source.Name)}.json");
        await snapshots.SaveJsonAsync(reference, snapshot, cancellationToken).ConfigureAwait(false);
        return new SourceSyncSummary(input.Source, input.Mode, SourceOutcome.Ok, count, null, reference, readAt);
    }

    private async Task<(SourceSnapshot, int)> ReadAsync(SyncSourceInput input, DateTimeOffset readAt, CancellationToken ct)
    {
        var source = input.Source;
        var empty = new SourceSnapshot(source, input.Mode, readAt, input.ChangedSince);
        switch (source.Role)
        {
            case SourceRole.Movies:
            {
                var movies = await Find(catalog.MovieManagers, source, m => m.Name).ListMoviesAsync(ct).ConfigureAwait(false);
                return (empty with { Movies = movies }, movies.Count);
            }

            case SourceRole.Series:
            {
                var sonarr = Find(catalog.SeriesManagers, source, s => s.Name);
                var series = await sonarr.ListSeriesAsync(ct).ConfigureAwait(false);
                IReadOnlyList<ArrEpisode>? episodes = null;
                if (input.Mode == SyncMode.Full)
                {
                    // One call per series (Sonarr needs a seriesId); the endpoint's own limit caps concurrency.
                    var perSeries = await Task.WhenAll(series.Select(s => sonarr.ListEpisodesAsync(s.Id, ct))).ConfigureAwait(false);
                    episodes = [.. perSeries.SelectMany(e => e)];
                }

                return (empty with { Series = series, Episodes = episodes }, series.Count);
            }

            case SourceRole.MediaServer:
            {
                var server = Find(catalog.MediaServers, source, s => s.Name);
                var full = input.Mode == SyncMode.Full;
                var items = full ? await server.ListItemsAsync(ct).ConfigureAwait(false) : null;
                var users = await server.ListUsersAsync(ct).ConfigureAwait(false);
                var changedSince = full ? null : input.ChangedSince;
                var states = new List<UserWatchState>();
                foreach (var user in users.Where(u => !u.IsDisabled))
                {
                    states.AddRange(await server.ListWatchStateAsync(user, changedSince, ct).ConfigureAwait(false));
                }

                var playing = await server.ListNowPlayingAsync(ct).ConfigureAwait(false);
                var snapshot = empty with { Items = items, Users = users, WatchStates = states, NowPlaying = playing };
                return (snapshot, full ? items!.Count : states.Count);
            }

            case SourceRole.Requests:
            {
                var requests = await Find(catalog.RequestSources, source, r => r.Name).ListRequestsAsync(ct).ConfigureAwait(false);
                return (empty with { Requests = requests }, requests.Count);
            }

            case SourceRole.WatchHistory:
            {
                var since = input.Mode == SyncMode.Full ? null : input.ChangedSince;
                var history = await Find(catalog.WatchHistorySources, source, h => h.Name).ListHistoryAsync(since, ct).ConfigureAwait(false);
                return (empty with { History = history }, history.Count);
            }

            default:
                throw new UnknownSourceException($"Unknown source role {source.Role}.");
        }
    }

    private static T Find<T>(IReadOnlyList<T> candidates, SourceRef source, Func<T, string> name) =>
        candidates.FirstOrDefault(c => string.Equals(name(c), source.Name, StringComparison.OrdinalIgnoreCase))
        ?? throw new UnknownSourceException($"{source.Kind} '{source.Name}' is no longer configured.");

    /// <summary>Blob-name safe: configured names are free text.</summary>
    private static string Safe(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            sb.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_');
        }

        return sb.ToString();
    }

    private sealed class UnknownSourceException(string message) : Exception(message);
}
