using Cleanup.Engine.Ports;
using Cleanup.Engine.Sources;

namespace Cleanup.Engine.Workflows.Activities;

/// <summary>The configured sources (configuration is read here, not in the workflow, so replays see one answer).</summary>
public sealed class ListSourcesActivity(IServiceCatalog catalog) : IActivity<ListSourcesInput, IReadOnlyList<SourceRef>>
{
    public static string Name => ActivityNames.ListSources;

    public Task<IReadOnlyList<SourceRef>> RunAsync(ListSourcesInput input, CancellationToken cancellationToken) =>
        Task.FromResult(List(catalog));

    /// <summary>Every configured source, in a stable order (role, then name).</summary>
    public static IReadOnlyList<SourceRef> List(IServiceCatalog catalog) =>
    [
        .. catalog.MovieManagers.Select(m => new SourceRef(m.Name, ServiceKind.Radarr, SourceRole.Movies))
            .Concat(catalog.SeriesManagers.Select(s => new SourceRef(s.Name, ServiceKind.Sonarr, SourceRole.Series)))
            .Concat(catalog.MediaServers.Select(s => new SourceRef(s.Name, s.Kind, SourceRole.MediaServer)))
            .Concat(catalog.RequestSources.Select(r => new SourceRef(r.Name, r.Kind, SourceRole.Requests)))
            .Concat(catalog.WatchHistorySources.Select(h => new SourceRef(h.Name, h.Kind, SourceRole.WatchHistory)))
            .OrderBy(s => s.Role)
            .ThenBy(s => s.Name, StringComparer.Ordinal),
    ];
}
