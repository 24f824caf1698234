using Cleanup.Engine.Ports;
using Cleanup.Engine.Sources;

namespace Cleanup.Engine.Deletion;

/// <summary>
/// Carries out a rule's action through Radarr/Sonarr, and tells whether an action already took effect (to settle
/// an attempt that was interrupted between acting and recording).
/// </summary>
public sealed class ArrActions(IServiceCatalog catalog)
{
    public async Task ExecuteAsync(DeletionCandidate candidate, CancellationToken cancellationToken)
    {
        if (candidate.Targets.Arr.Count == 0)
        {
            throw new InvalidOperationException($"'{candidate.Title}' has no Radarr/Sonarr target to act on.");
        }

        foreach (var target in candidate.Targets.Arr)
        {
            if (target.Kind == ServiceKind.Radarr)
            {
                await ActOnMovieAsync(Movies(target.Instance), candidate, target, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await ActOnSeriesAsync(Series(target.Instance), candidate, target, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>True when the action's effect is already there, false when not, null when that cannot be read now.</summary>
    public async Task<bool?> IsDoneAsync(DeletionCandidate candidate, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var target in candidate.Targets.Arr)
            {
                var done = target.Kind == ServiceKind.Radarr
                    ? await IsMovieDoneAsync(Movies(target.Instance), candidate, target, cancellationToken).ConfigureAwait(false)
                    : await IsSeriesDoneAsync(Series(target.Instance), candidate, target, cancellationToken).ConfigureAwait(false);
                if (!done)
                {
                    return false;
                }
            }

            return true;
        }
        catch (SourceReadException)
        {
            return null;
        }
    }

    private static async Task ActOnMovieAsync(IMovieManager radarr, DeletionCandidate candidate, ArrTarget target, CancellationToken ct)
    {
        switch (candidate.Action)
        {
            case DeletionAction.Delete:
                await radarr.DeleteMovieAsync(target.Id, deleteFiles: true, candidate.AddImportListExclusion, ct).ConfigureAwait(false);
                break;
            case DeletionAction.UnmonitorAndDeleteFiles:
                await radarr.SetMonitoredAsync([target.Id], monitored: false, ct).ConfigureAwait(false);
                foreach (var file in target.FileIds ?? [])
                {
                    await radarr.DeleteMovieFileAsync(file, ct).ConfigureAwait(false);
                }

                break;
            case DeletionAction.UnmonitorOnly:
                await radarr.SetMonitoredAsync([target.Id], monitored: false, ct).ConfigureAwait(false);
                break;
        }
    }

    private static async Task ActOnSeriesAsync(ISeriesManager sonarr, DeletionCandidate candidate, ArrTarget target, CancellationToken ct)
    {
        var files = target.FileIds ?? [];
        var deleteFiles = candidate.Action is DeletionAction.Delete or DeletionAction.UnmonitorAndDeleteFiles;
        switch (candidate.MediaType)
        {
            case DeletionMediaType.Series when candidate.Action == DeletionAction.Delete:
                await sonarr.DeleteSeriesAsync(target.Id, deleteFiles: true, candidate.AddImportListExclusion, ct).ConfigureAwait(false);
                return;
            case DeletionMediaType.Series:
                await sonarr.SetSeriesMonitoredAsync([target.Id], monitored: false, ct).ConfigureAwait(false);
                break;
            case DeletionMediaType.Season:
                // Sonarr cannot remove a season: "delete" a season = unmonitor it and delete its files.
                await sonarr.SetSeasonMonitoredAsync(target.Id, target.SeasonNumber ?? throw MissingSeason(candidate), monitored: false, ct).ConfigureAwait(false);
                break;
            case DeletionMediaType.Episode:
                await sonarr.SetEpisodesMonitoredAsync(target.EpisodeIds ?? [], monitored: false, ct).ConfigureAwait(false);
                break;
            default:
                throw new InvalidOperationException($"'{candidate.Title}' is a {candidate.MediaType} but targets Sonarr.");
        }

        if (deleteFiles && files.Count > 0)
        {
            await sonarr.DeleteEpisodeFilesAsync(target.Id, files, ct).ConfigureAwait(false);
        }
    }

    private static async Task<bool> IsMovieDoneAsync(IMovieManager radarr, DeletionCandidate candidate, ArrTarget target, CancellationToken ct)
    {
        var movie = (await radarr.ListMoviesAsync(ct).ConfigureAwait(false)).FirstOrDefault(m => m.Id == target.Id);
        return candidate.Action switch
        {
            DeletionAction.Delete => movie is null,
            DeletionAction.UnmonitorAndDeleteFiles => movie is null || (!movie.Monitored && !movie.HasFile),
            DeletionAction.UnmonitorOnly => movie is null || !movie.Monitored,
            _ => true,
        };
    }

    private static async Task<bool> IsSeriesDoneAsync(ISeriesManager sonarr, DeletionCandidate candidate, ArrTarget target, CancellationToken ct)
    {
        var series = (await sonarr.ListSeriesAsync(ct).ConfigureAwait(false)).FirstOrDefault(s => s.Id == target.Id);
        if (series is null)
        {
            return true;
        }

        if (candidate.MediaType == DeletionMediaType.Series && candidate.Action == DeletionAction.Delete)
        {
            return false;
        }

        var unmonitored = candidate.MediaType switch
        {
            DeletionMediaType.Series => !series.Monitored,
            DeletionMediaType.Season => series.Seasons.FirstOrDefault(s => s.SeasonNumber == target.SeasonNumber) is not { Monitored: true },
            _ => true, // episodes: checked below
        };
        var episodes = await sonarr.ListEpisodesAsync(target.Id, ct).ConfigureAwait(false);
        if (candidate.MediaType == DeletionMediaType.Episode)
        {
            var ids = new HashSet<int>(target.EpisodeIds ?? []);
            unmonitored = episodes.Where(e => ids.Contains(e.Id)).All(e => !e.Monitored);
        }

        if (candidate.Action == DeletionAction.UnmonitorOnly)
        {
            return unmonitored;
        }

        var files = new HashSet<int>(target.FileIds ?? []);
        return unmonitored && !episodes.Any(e => e.EpisodeFileId is { } f && files.Contains(f));
    }

    private IMovieManager Movies(string instance) =>
        catalog.MovieManagers.FirstOrDefault(m => string.Equals(m.Name, instance, StringComparison.OrdinalIgnoreCase))
        ?? throw new InvalidOperationException($"No Radarr instance named '{instance}' is configured.");

    private ISeriesManager Series(string instance) =>
        catalog.SeriesManagers.FirstOrDefault(m => string.Equals(m.Name, instance, StringComparison.OrdinalIgnoreCase))
        ?? throw new InvalidOperationException($"No Sonarr instance named '{instance}' is configured.");

    private static InvalidOperationException MissingSeason(DeletionCandidate candidate) =>
        new($"Season '{candidate.Title}' has no season number.");
}
