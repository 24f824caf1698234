using System.Globalization;
using Cleanup.Engine.Ports;
using Cleanup.Engine.Sources;
using Cleanup.Integrations.Configuration;
using Cleanup.Integrations.Http;
using Cleanup.Integrations.Json;

namespace Cleanup.Integrations.Radarr;

/// <summary>
/// One Radarr instance (API v3). Reads throw <see cref="SourceReadException"/>, changes throw
/// <see cref="ServiceActionException"/> (with <see cref="ServiceActionException.StatusCode"/> 404 when the movie or
/// file is already gone). Unusable values are recorded as <see cref="DataIssue"/>s.
/// </summary>
public sealed class RadarrClient : IMovieManager, IServiceProbe, IDataIssueSource, IDisposable
{
    private readonly ServiceEndpoint endpoint;
    private readonly IssueRecorder issues;

    internal RadarrClient(ServiceEndpoint endpoint)
    {
        this.endpoint = endpoint;
        issues = new IssueRecorder(endpoint.Name, ServiceKind.Radarr, endpoint.TimeProvider);
    }

    /// <summary>Builds the client for one configured instance (<c>Services:Radarr:n</c>); the options must be validated.</summary>
    public static RadarrClient Create(ServiceInstanceOptions options, TimeProvider? timeProvider = null) =>
        new(new ServiceEndpoint(ServiceKind.Radarr, options, ServiceAuthentication.XApiKey, timeProvider));

    public string Name => endpoint.Name;

    public ServiceKind Kind => ServiceKind.Radarr;

    /// <summary>The whole library (Radarr does not page <c>/movie</c>), tags as labels.</summary>
    public async Task<IReadOnlyList<ArrMovie>> ListMoviesAsync(CancellationToken cancellationToken)
    {
        var movies = await endpoint.GetJsonAsync<List<MovieResource>>("api/v3/movie", LenientJson.CamelCase, cancellationToken).ConfigureAwait(false);

        // Tags after movies: a tag made in between is then known; one removed in between fails the read (see mapping).
        var labels = await ListTagsAsync(cancellationToken).ConfigureAwait(false);
        var result = new List<ArrMovie>(movies.Count);
        foreach (var movie in movies)
        {
            if (RadarrMovieMapping.ToArrMovie(movie, labels, Name, issues) is { } mapped)
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
        var labels = new Dictionary<int, string>(tags.Count);
        foreach (var tag in tags)
        {
            labels[tag.Id] = tag.Label ?? string.Empty;
        }

        return labels;
    }

    public async Task DeleteMovieAsync(int movieId, bool deleteFiles, bool addImportExclusion, CancellationToken cancellationToken)
    {
        var url = string.Create(CultureInfo.InvariantCulture, $"api/v3/movie/{movieId}?deleteFiles={Flag(deleteFiles)}&addImportExclusion={Flag(addImportExclusion)}");
        await endpoint.SendAsync(HttpMethod.Delete, url, null, LenientJson.CamelCase, $"delete movie {movieId}", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Through the movie editor (Radarr answers 202 with the movies).</summary>
    public async Task SetMonitoredAsync(IReadOnlyCollection<int> movieIds, bool monitored, CancellationToken cancellationToken)
    {
        if (movieIds.Count == 0)
        {
            return;
        }

        var body = new MovieEditorResource { MovieIds = movieIds, Monitored = monitored };
        await endpoint.SendAsync(HttpMethod.Put, "api/v3/movie/editor", body, LenientJson.CamelCase, $"{(monitored ? "monitor" : "unmonitor")} {movieIds.Count} movies", cancellationToken).ConfigureAwait(false);
    }

    public async Task DeleteMovieFileAsync(int movieFileId, CancellationToken cancellationToken) =>
        await endpoint.SendAsync(HttpMethod.Delete, string.Create(CultureInfo.InvariantCulture, $"api/v3/moviefile/{movieFileId}"), null, LenientJson.CamelCase, $"delete movie file {movieFileId}", cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Adds, removes or replaces tags (by label) on movies through the editor. Labels Radarr does not know yet are
    /// created for <see cref="TagChange.Add"/>/<see cref="TagChange.Replace"/> and ignored for <see cref="TagChange.Remove"/>.
    /// </summary>
    public async Task SetTagsAsync(IReadOnlyCollection<int> movieIds, IReadOnlyCollection<string> labels, TagChange change, CancellationToken cancellationToken)
    {
        if (movieIds.Count == 0 || (labels.Count == 0 && change != TagChange.Replace))
        {
            return;
        }

        var action = $"{change.ToString().ToLowerInvariant()} tags on {movieIds.Count} movies";
        IReadOnlyDictionary<int, string> known;
        try
        {
            known = await ListTagsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SourceReadException ex)
        {
            throw new ServiceActionException(Name, Kind, action, ex.Reason, ex.StatusCode, ex);
        }

        var ids = new List<int>();
        foreach (var label in labels.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var match = known.FirstOrDefault(t => string.Equals(t.Value, label, StringComparison.OrdinalIgnoreCase));
            if (match.Value is not null)
            {
                ids.Add(match.Key);
            }
            else if (change != TagChange.Remove)
            {
                var created = await endpoint.SendJsonAsync<TagResource>(HttpMethod.Post, "api/v3/tag", new TagResource { Label = label }, LenientJson.CamelCase, $"create tag '{label}'", cancellationToken).ConfigureAwait(false);
                ids.Add(created.Id);
            }
        }

        if (ids.Count == 0 && change == TagChange.Remove)
        {
            return;
        }

        var body = new MovieEditorResource { MovieIds = movieIds, Tags = ids, ApplyTags = change.ToString().ToLowerInvariant() };
        await endpoint.SendAsync(HttpMethod.Put, "api/v3/movie/editor", body, LenientJson.CamelCase, action, cancellationToken).ConfigureAwait(false);
    }

    public Task<ServiceStatus> ProbeAsync(CancellationToken cancellationToken) =>
        ServiceProbing.MeasureAsync(
            endpoint,
            async ct => (await endpoint.GetJsonAsync<SystemResource>("api/v3/system/status", LenientJson.CamelCase, ct).ConfigureAwait(false)).Version,
            cancellationToken);

    public IReadOnlyList<DataIssue> TakeDataIssues() => issues.Take();

    public void Dispose() => endpoint.Dispose();

    private static string Flag(bool value) => value ? "true" : "false";
}
