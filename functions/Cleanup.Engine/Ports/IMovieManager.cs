using Cleanup.Engine.Sources;

namespace Cleanup.Engine.Ports;

/// <summary>A Radarr instance, as the engine needs it. Reads throw <see cref="SourceReadException"/> when they fail.</summary>
public interface IMovieManager
{
    string Name { get; }

    Task<IReadOnlyList<ArrMovie>> ListMoviesAsync(CancellationToken cancellationToken);

    Task DeleteMovieAsync(int movieId, bool deleteFiles, bool addImportExclusion, CancellationToken cancellationToken);

    Task SetMonitoredAsync(IReadOnlyCollection<int> movieIds, bool monitored, CancellationToken cancellationToken);

    /// <summary>Deletes only the movie's file (<c>DELETE /moviefile/{id}</c>); used by "unmonitor and delete files".</summary>
    Task DeleteMovieFileAsync(int movieFileId, CancellationToken cancellationToken);
}
