using System.Globalization;
using Cleanup.Engine.Ports;
using Cleanup.Engine.Sources;
using Cleanup.Integrations.Configuration;
using Cleanup.Integrations.Http;
using Cleanup.Integrations.Json;

namespace Cleanup.Integrations.Seerr;

/// <summary>
/// One Jellyseerr or Overseerr instance (same <c>/api/v1</c>; the kind only names it). Reads throw
/// <see cref="SourceReadException"/> and read every page; deleting media that is already gone (404) succeeds.
/// </summary>
public sealed class SeerrClient : IRequestSource, IServiceProbe, IDataIssueSource, IDisposable
{
    /// <summary>Rows per page when <see cref="ServiceInstanceOptions.PageSize"/> is not set.</summary>
    public const int DefaultPageSize = 100;

    private readonly ServiceEndpoint endpoint;
    private readonly IssueRecorder issues;
    private readonly int pageSize;

    internal SeerrClient(ServiceEndpoint endpoint)
    {
        if (endpoint.Kind is not (ServiceKind.Jellyseerr or ServiceKind.Overseerr))
        {
            throw new ArgumentException($"Seerr clients serve Jellyseerr or Overseerr, not {endpoint.Kind}.", nameof(endpoint));
        }

        this.endpoint = endpoint;
        issues = new IssueRecorder(endpoint.Name, endpoint.Kind, endpoint.TimeProvider);
        pageSize = endpoint.Options.PageSize ?? DefaultPageSize;
    }

    /// <summary>Builds the client for <c>Services:Jellyseerr:n</c> or <c>Services:Overseerr:n</c>; the options must be validated.</summary>
    public static SeerrClient Create(ServiceKind kind, ServiceInstanceOptions options, TimeProvider? timeProvider = null) =>
        kind is ServiceKind.Jellyseerr or ServiceKind.Overseerr
            ? new(new ServiceEndpoint(kind, options, ServiceAuthentication.XApiKey, timeProvider))
            : throw new ArgumentOutOfRangeException(nameof(kind), kind, "Seerr clients serve Jellyseerr or Overseerr.");

    public string Name => endpoint.Name;

    public ServiceKind Kind => endpoint.Kind;

    /// <summary>Every request, all statuses, oldest first (new requests then land on the last page, not shift the others).</summary>
    public async Task<IReadOnlyList<MediaRequest>> ListRequestsAsync(CancellationToken cancellationToken)
    {
        var rows = await SeerrPaging.ReadAllAsync<RequestResource>(
            endpoint, "api/v1/request", "&filter=all&sort=added&sortDirection=asc", pageSize, r => r.Id, "requests", cancellationToken).ConfigureAwait(false);
        var result = new List<MediaRequest>(rows.Count);
        foreach (var row in rows)
        {
            if (SeerrMapping.ToMediaRequest(row, Name, issues) is { } mapped)
            {
                result.Add(mapped);
            }
        }

        return result;
    }

    public async Task<IReadOnlyList<SeerrUser>> ListUsersAsync(CancellationToken cancellationToken)
    {
        var rows = await SeerrPaging.ReadAllAsync<UserResource>(
            endpoint, "api/v1/user", "&sort=created", pageSize, u => u.Id, "users", cancellationToken).ConfigureAwait(false);
        return rows.Select(u => SeerrMapping.ToUser(u, Name)).ToList();
    }

    /// <summary>Deletes Seerr's media record (internal media id, not the TMDB id). 404 means already gone: done.</summary>
    public async Task DeleteMediaAsync(int mediaId, CancellationToken cancellationToken)
    {
        try
        {
            await endpoint.SendAsync(HttpMethod.Delete, string.Create(CultureInfo.InvariantCulture, $"api/v1/media/{mediaId}"), null, LenientJson.CamelCase, $"delete media {mediaId}", cancellationToken).ConfigureAwait(false);
        }
        catch (ServiceActionException ex) when (ex.StatusCode == 404)
        {
            // Someone (or an earlier attempt whose answer was lost) removed it already; the goal is reached.
        }
    }

    public Task<ServiceStatus> ProbeAsync(CancellationToken cancellationToken) =>
        ServiceProbing.MeasureAsync(
            endpoint,
            async ct => (await endpoint.GetJsonAsync<StatusResource>("api/v1/status", LenientJson.CamelCase, ct).ConfigureAwait(false)).Version,
            cancellationToken);

    public IReadOnlyList<DataIssue> TakeDataIssues() => issues.Take();

    public void Dispose() => endpoint.Dispose();
}
