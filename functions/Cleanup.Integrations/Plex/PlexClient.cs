using System.Text.Json;
using Cleanup.Engine.Ports;
using Cleanup.Engine.Sources;
using Cleanup.Integrations.Configuration;
using Cleanup.Integrations.Http;
using Cleanup.Integrations.Json;

namespace Cleanup.Integrations.Plex;

/// <summary>
/// A Plex Media Server. The token belongs to one account (normally the owner), and Plex reports view counts for that
/// account only: watch state is read for the owner here; every other user's plays come from Tautulli.
/// Collections are not supported yet (<see cref="SyncCollectionAsync"/> refuses).
/// </summary>
internal sealed class PlexClient : IMediaServer, IServiceProbe, IReportsDataIssues, IDisposable
{
    public const int DefaultPageSize = 500;

    /// <summary>The local account id Plex gives the server owner; the token's user here.</summary>
    public const string OwnerUserId = "1";

    // Case-sensitive: Plex sends "guid" (its own id, a string) beside "Guid" (the external ids, a list).
    private static readonly JsonSerializerOptions Json = LenientJson.Options(naming: null, caseInsensitive: false);

    private readonly ServiceEndpoint endpoint;
    private readonly int pageSize;

    internal PlexClient(ServiceEndpoint endpoint, int pageSize = DefaultPageSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        this.endpoint = endpoint;
        this.pageSize = pageSize;
        DataIssues = new DataIssueLog(endpoint.Name, endpoint.Kind, endpoint.TimeProvider);
    }

    /// <summary>Builds the client for one configured Plex server.</summary>
    /// <param name="kind">Must be <see cref="ServiceKind.Plex"/>.</param>
    public static PlexClient Create(ServiceKind kind, ServiceInstanceOptions options, TimeProvider timeProvider, HttpMessageHandler? handler = null, int pageSize = DefaultPageSize)
    {
        if (kind != ServiceKind.Plex)
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "The Plex client serves Plex only.");
        }

        return new(new ServiceEndpoint(kind, options, Authenticate, timeProvider, handler), pageSize);
    }

    public string Name => endpoint.Name;

    public ServiceKind Kind => endpoint.Kind;

    public DataIssueLog DataIssues { get; }

    /// <summary>"/" needs the token (unlike /identity), so it proves the key and tells the version.</summary>
    public Task<ServiceStatus> ProbeAsync(CancellationToken cancellationToken) =>
        ServiceProbing.MeasureAsync(
            endpoint,
            async ct => (await ContainerAsync(string.Empty, ct).ConfigureAwait(false)).Version,
            cancellationToken);

    /// <summary>The token's account only: Plex shares no other user's view data with it.</summary>
    public async Task<IReadOnlyList<MediaServerUser>> ListUsersAsync(CancellationToken cancellationToken)
    {
        var server = await ContainerAsync(string.Empty, cancellationToken).ConfigureAwait(false);
        return [new MediaServerUser(Name, OwnerUserId, server.MyPlexUsername ?? "owner", IsAdministrator: true, IsDisabled: false)];
    }

    public async Task<IReadOnlyList<MediaServerItem>> ListItemsAsync(CancellationToken cancellationToken)
    {
        var items = new List<MediaServerItem>();
        foreach (var metadata in await ReadLibraryAsync(cancellationToken).ConfigureAwait(false))
        {
            if (PlexItemMapping.ToItem(Name, metadata, DataIssues) is { } item)
            {
                items.Add(item);
            }
        }

        return items;
    }

    /// <summary>
    /// The owner's view state of every movie, show and episode (the whole library is read; <paramref name="changedSince"/>
    /// cannot be honoured safely because marking watched or unwatched leaves no date). Other users: refused, since
    /// "no view data" from Plex would wrongly read as "not watched".
    /// </summary>
    public async Task<IReadOnlyList<UserWatchState>> ListWatchStateAsync(MediaServerUser user, DateTimeOffset? changedSince, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.UserId != OwnerUserId)
        {
            throw new SourceReadException(Name, Kind, $"Plex reports watch state only for the token's account, not for '{user.Name}'; use Tautulli for other users");
        }

        var states = new List<UserWatchState>();
        foreach (var m in await ReadLibraryAsync(cancellationToken).ConfigureAwait(false))
        {
            if (m.RatingKey is not { } key || PlexItemMapping.TypeOf(m.Type) is not { } type)
            {
                continue;
            }

            // Shows have no viewCount of their own: watched when every episode is.
            var played = type == MediaServerItemType.Series
                ? m.LeafCount is > 0 && m.ViewedLeafCount >= m.LeafCount
                : m.ViewCount is > 0;
            states.Add(new UserWatchState(
                Name,
                user.UserId,
                user.Name,
                key,
                played,
                (int)Math.Clamp(m.ViewCount ?? 0, 0, int.MaxValue),
                DataIssues.FromUnixSeconds(m.LastViewedAt, key, "lastViewedAt"),
                Math.Max(0, m.ViewOffset ?? 0) * TimeSpan.TicksPerMillisecond,
                IsFavorite: false));
        }

        return states;
    }

    public async Task<IReadOnlyList<NowPlaying>> ListNowPlayingAsync(CancellationToken cancellationToken)
    {
        var sessions = await ContainerAsync("status/sessions", cancellationToken).ConfigureAwait(false);
        return (sessions.Metadata ?? [])
            .Where(m => !string.IsNullOrEmpty(m.RatingKey))
            .Select(m => new NowPlaying(Name, m.User?.Title ?? m.User?.Id ?? "(unknown)", m.RatingKey!))
            .ToList();
    }

    /// <summary>Asks every movie and show section to scan for changes.</summary>
    public async Task RefreshLibraryAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<PlexSection> sections;
        try
        {
            sections = await SectionsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SourceReadException ex)
        {
            throw new ServiceActionException(Name, Kind, "refresh library", ex.Reason, inner: ex);
        }

        foreach (var section in sections)
        {
            await endpoint.SendAsync(HttpMethod.Post, $"library/sections/{Uri.EscapeDataString(section.Key!)}/refresh", null, Json, "refresh library", cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Not supported yet: Plex collections live per library section and are edited by URI.</summary>
    public Task SyncCollectionAsync(string name, IReadOnlyCollection<string> itemIds, CancellationToken cancellationToken) =>
        Task.FromException(new ServiceActionException(Name, Kind, $"sync collection '{name}'", "collections are not supported for Plex yet"));

    /// <summary>Movies, shows and episodes of every movie and show section, all pages.</summary>
    private async Task<List<PlexMetadata>> ReadLibraryAsync(CancellationToken cancellationToken)
    {
        var all = new List<PlexMetadata>();
        foreach (var section in await SectionsAsync(cancellationToken).ConfigureAwait(false))
        {
            var path = $"library/sections/{Uri.EscapeDataString(section.Key!)}/all";
            if (section.Type == "movie")
            {
                await ReadPagesAsync(path, 1, all, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await ReadPagesAsync(path, 2, all, cancellationToken).ConfigureAwait(false);
                await ReadPagesAsync(path, 4, all, cancellationToken).ConfigureAwait(false);
            }
        }

        return all;
    }

    private async Task<IReadOnlyList<PlexSection>> SectionsAsync(CancellationToken cancellationToken)
    {
        var container = await ContainerAsync("library/sections/all", cancellationToken).ConfigureAwait(false);
        var sections = container.Directory ?? throw new SourceReadException(Name, Kind, "no Directory in /library/sections/all answer");
        return sections.Where(s => s.Key is not null && s.Type is "movie" or "show").ToList();
    }

    /// <summary>One section's items of one type (1 movie, 2 show, 4 episode), page by page; never a partial list.</summary>
    private async Task ReadPagesAsync(string path, int type, List<PlexMetadata> into, CancellationToken cancellationToken)
    {
        for (var start = 0; ;)
        {
            var page = await ContainerAsync(
                $"{path}?type={type}&includeGuids=1&X-Plex-Container-Start={start}&X-Plex-Container-Size={pageSize}", cancellationToken).ConfigureAwait(false);
            var items = page.Metadata ?? [];
            into.AddRange(items);
            start += items.Count;

            // totalSize comes with paged requests; without it, a short page is the last one.
            if (page.TotalSize is { } total ? start >= total : items.Count < pageSize)
            {
                return;
            }

            if (items.Count == 0)
            {
                throw new SourceReadException(Name, Kind, $"truncated paging: /{path} promised {page.TotalSize} items but sent none after {start}");
            }
        }
    }

    private async Task<PlexMediaContainer> ContainerAsync(string relativeUrl, CancellationToken cancellationToken)
    {
        var envelope = await endpoint.GetJsonAsync<PlexEnvelope>(relativeUrl, Json, cancellationToken).ConfigureAwait(false);
        return envelope.MediaContainer ?? throw new SourceReadException(Name, Kind, $"no MediaContainer in the /{relativeUrl.Split('?')[0]} answer");
    }

    private static void Authenticate(HttpRequestMessage request, string token)
    {
        request.Headers.TryAddWithoutValidation("X-Plex-Token", token);
        request.Headers.TryAddWithoutValidation("X-Plex-Product", "Cleanup");
        request.Headers.TryAddWithoutValidation("X-Plex-Client-Identifier", "cleanup");
    }

    public void Dispose() => endpoint.Dispose();
}
