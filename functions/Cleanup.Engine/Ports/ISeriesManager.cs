using Cleanup.Engine.Sources;

namespace Cleanup.Engine.Ports;

/// <summary>A Sonarr instance, as the engine needs it. Reads throw <see cref="SourceReadException"/> when they fail.</summary>
public interface ISeriesManager
{
    string Name { get; }

    Task<IReadOnlyList<ArrSeries>> ListSeriesAsync(CancellationToken cancellationToken);

    /// <summary>Episodes of one series joined with their files (Sonarr needs a seriesId on these calls).</summary>
    Task<IReadOnlyList<ArrEpisode>> ListEpisodesAsync(int seriesId, CancellationToken cancellationToken);

    Task DeleteSeriesAsync(int seriesId, bool deleteFiles, bool addImportListExclusion, CancellationToken cancellationToken);

    /// <summary>Deletes episode files; all of one series (Sonarr's bulk call takes the series from the first file).</summary>
    Task DeleteEpisodeFilesAsync(int seriesId, IReadOnlyCollection<int> episodeFileIds, CancellationToken cancellationToken);

    Task SetEpisodesMonitoredAsync(IReadOnlyCollection<int> episodeIds, bool monitored, CancellationToken cancellationToken);

    Task SetSeasonMonitoredAsync(int seriesId, int seasonNumber, bool monitored, CancellationToken cancellationToken);

    Task SetSeriesMonitoredAsync(IReadOnlyCollection<int> seriesIds, bool monitored, CancellationToken cancellationToken);
}
