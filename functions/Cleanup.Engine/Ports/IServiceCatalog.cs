namespace Cleanup.Engine.Ports;

/// <summary>Every configured home service instance, by role. Built once from configuration by the integrations.</summary>
public interface IServiceCatalog
{
    IReadOnlyList<IMovieManager> MovieManagers { get; }

    IReadOnlyList<ISeriesManager> SeriesManagers { get; }

    IReadOnlyList<IMediaServer> MediaServers { get; }

    IReadOnlyList<IRequestSource> RequestSources { get; }

    IReadOnlyList<IWatchHistorySource> WatchHistorySources { get; }
}
