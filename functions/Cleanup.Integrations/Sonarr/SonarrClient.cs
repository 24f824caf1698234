using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cleanup.Engine.Ports;
using Cleanup.Engine.Sources;
using Cleanup.Integrations.Configuration;
using Cleanup.Integrations.Http;
using Cleanup.Integrations.Json;

namespace Cleanup.Integrations.Sonarr;

/// <summary>
/// One Sonarr instance (API v3, also served by Sonarr v4). Reads throw <see cref="SourceReadException"/>, changes
/// throw <see cref="ServiceActionException"/> (404 when the series or file is already gone). Unusable values are
/// recorded as <see cref="DataIssue"/>s.
/// </summary>
public sealed class SonarrClient : ISeriesManager, IServiceProbe, IDataIssueSource, IDisposable
{
    private readonly ServiceEndpoint endpoint;
    private readonly IssueRecorder issues;

    internal SonarrClient(ServiceEndpoint endpoint)
    {
        this.endpoint = endpoint;
        issues = new IssueRecorder(endpoint.Name, ServiceKind.Sonarr, endpoint.TimeProvider);
    }

    /// <summary>Builds the client for one configured instance (<c>Services:Sonarr:n</c>); the options must be validated.</summary>
    public static SonarrClient Create(ServiceInstanceOptions options, TimeProvider? timeProvider = null) =>
        new(new ServiceEndpoint(ServiceKind.Sonarr, options, ServiceAuthentication.XApiKey, timeProvider));

    public string Name => endpoint.Name;

    public ServiceKind Kind => ServiceKind.Sonarr;

    public async Task<IReadOnlyList<ArrSeries>> ListSeriesAsync(CancellationToken cancellationToken)
    {
        var series = await endpoint.GetJsonAsync<List<SeriesResource>>("api/v3/series", LenientJson.CamelCase, cancellationToken).ConfigureAwait(false);
        var labels = await ListTagsAsync(cancellationToken).ConfigureAwait(false);
        var result = new List<ArrSeries>(series.Count);
        foreach (var s in series)
        {
            if (SonarrMapping.ToArrSeries(s, labels, Name, issues) is { } mapped)
            {
                result.Add(mapped);
            }
        }

        return result;
    }

    /// <summary>Tag id to label (<c>GET /api/v3/tag</c>).</summary>
    public async Task<IReadOnlyDictionary<int, string>> ListTagsAsync(CancellationToken cancellationToken)
    {
        var tags = await endpoint.GetJsonAsync<List<TagResource>>("api/v3/tag", LenientJson.CamelCase, cancellationToken).ConfigureAwait(false);
        return tags.GroupBy(t => t.Id).ToDictionary(g => g.Key, g => g.First().Label ?? string.Empty);
    }

    public async Task<IReadOnlyList<ArrEpisode>> ListEpisodesAsync(int seriesId, CancellationToken cancellationToken)
    {
        var query = string.Create(CultureInfo.InvariantCulture, $"?seriesId={seriesId}");
        var episodes = await endpoint.GetJsonAsync<List<EpisodeResource>>("api/v3/episode" + query, LenientJson.CamelCase, cancellationToken).ConfigureAwait(false);
        var files = await endpoint.GetJsonAsync<List<EpisodeFileResource>>("api/v3/episodefile" + query, LenientJson.CamelCase, cancellationToken).ConfigureAwait(false);
        return SonarrMapping.ToArrEpisodes(seriesId, episodes, files, Name, issues);
    }

    /// <remarks>Sonarr names the exclusion flag <c>addImportListExclusion</c> (Radarr: <c>addImportExclusion</c>).</remarks>
    public async Task DeleteSeriesAsync(int seriesId, bool deleteFiles, bool addImportListExclusion, CancellationToken cancellationToken)
    {
        var url = string.Create(CultureInfo.InvariantCulture, $"api/v3/series/{seriesId}?deleteFiles={Flag(deleteFiles)}&addImportListExclusion={Flag(addImportListExclusion)}");
        await endpoint.SendAsync(HttpMethod.Delete, url, null, LenientJson.CamelCase, $"delete series {seriesId}", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Deletes episode files of one series in one bulk call. Sonarr takes the series from the first file and deletes
    /// every file as if it belonged to it, so the files are checked against the series first; a file of another
    /// series (or one that is gone) fails the whole call before anything is deleted.
    /// </summary>
    public async Task DeleteEpisodeFilesAsync(int seriesId, IReadOnlyCollection<int> episodeFileIds, CancellationToken cancellationToken)
    {
        if (episodeFileIds.Count == 0)
        {
            return;
        }

        var action = $"delete {episodeFileIds.Count} episode files of series {seriesId}";
        var files = await ReadForActionAsync<List<EpisodeFileResource>>(string.Create(CultureInfo.InvariantCulture, $"api/v3/episodefile?seriesId={seriesId}"), action, cancellationToken).ConfigureAwait(false);
        var ofSeries = files.Where(f => f.SeriesId == seriesId || f.SeriesId == 0).Select(f => f.Id).ToHashSet();
        var foreign = episodeFileIds.Where(id => !ofSeries.Contains(id)).ToList();
        if (foreign.Count > 0)
        {
            throw new ServiceActionException(Name, Kind, action, $"episode files {string.Join(", ", foreign)} are not files of series {seriesId}; nothing was deleted");
        }

        var body = new EpisodeFileListResource { EpisodeFileIds = episodeFileIds.Distinct().ToList() };
        await endpoint.SendAsync(HttpMethod.Delete, "api/v3/episodefile/bulk", body, LenientJson.CamelCase, action, cancellationToken).ConfigureAwait(false);
    }

    public async Task SetEpisodesMonitoredAsync(IReadOnlyCollection<int> episodeIds, bool monitored, CancellationToken cancellationToken)
    {
        if (episodeIds.Count == 0)
        {
            return;
        }

        var body = new EpisodesMonitoredResource { EpisodeIds = episodeIds, Monitored = monitored };
        await endpoint.SendAsync(HttpMethod.Put, "api/v3/episode/monitor", body, LenientJson.CamelCase, $"{Verb(monitored)} {episodeIds.Count} episodes", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// GET the series, flip <c>seasons[n].monitored</c>, PUT it back. The series is kept as raw JSON so every field
    /// Cleanup does not model (quality profile, root folder...) goes back to Sonarr unchanged.
    /// </summary>
    public async Task SetSeasonMonitoredAsync(int seriesId, int seasonNumber, bool monitored, CancellationToken cancellationToken)
    {
        var action = $"{Verb(monitored)} season {seasonNumber} of series {seriesId}";
        var url = string.Create(CultureInfo.InvariantCulture, $"api/v3/series/{seriesId}");
        var series = await ReadForActionAsync<JsonObject>(url, action, cancellationToken).ConfigureAwait(false);
        var season = (series["seasons"] as JsonArray)?
            .OfType<JsonObject>()
            .FirstOrDefault(s => s["seasonNumber"] is JsonValue n && n.TryGetValue<int>(out var number) && number == seasonNumber)
            ?? throw new ServiceActionException(Name, Kind, action, $"series {seriesId} has no season {seasonNumber}", 404);

        season["monitored"] = monitored;
        await endpoint.SendAsync(HttpMethod.Put, url, series, LenientJson.CamelCase, action, cancellationToken).ConfigureAwait(false);
    }

    public async Task SetSeriesMonitoredAsync(IReadOnlyCollection<int> seriesIds, bool monitored, CancellationToken cancellationToken)
    {
        if (seriesIds.Count == 0)
        {
            return;
        }

        var body = new SeriesEditorResource { SeriesIds = seriesIds, Monitored = monitored };
        await endpoint.SendAsync(HttpMethod.Put, "api/v3/series/editor", body, LenientJson.CamelCase, $"{Verb(monitored)} {seriesIds.Count} series", cancellationToken).ConfigureAwait(false);
    }

    public Task<ServiceStatus> ProbeAsync(CancellationToken cancellationToken) =>
        ServiceProbing.MeasureAsync(
            endpoint,
            async ct => (await endpoint.GetJsonAsync<SystemResource>("api/v3/system/status", LenientJson.CamelCase, ct).ConfigureAwait(false)).Version,
            cancellationToken);

    public IReadOnlyList<DataIssue> TakeDataIssues() => issues.Take();

    public void Dispose() => endpoint.Dispose();

    /// <summary>A read that is part of a change: its failure is the change's failure.</summary>
    private async Task<T> ReadForActionAsync<T>(string url, string action, CancellationToken cancellationToken)
    {
        try
        {
            return await endpoint.GetJsonAsync<T>(url, LenientJson.CamelCase, cancellationToken).ConfigureAwait(false);
        }
        catch (SourceReadException ex)
        {
            throw new ServiceActionException(Name, Kind, action, ex.Reason, ex.StatusCode, ex);
        }
    }

    private static string Flag(bool value) => value ? "true" : "false";

    private static string Verb(bool monitored) => monitored ? "monitor" : "unmonitor";
}
