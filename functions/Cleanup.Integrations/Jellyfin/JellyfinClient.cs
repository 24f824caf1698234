using System.Text.Json;
using Cleanup.Engine.Ports;
using Cleanup.Engine.Sources;
using Cleanup.Integrations.Configuration;
using Cleanup.Integrations.Http;
using Cleanup.Integrations.Json;

namespace Cleanup.Integrations.Jellyfin;

/// <summary>
/// A Jellyfin or Emby server (same API family). Reads page through <c>/Items</c> until <c>TotalRecordCount</c> and fail
/// as a whole (<see cref="SourceReadException"/>) rather than return part of the library.
/// </summary>
internal sealed class JellyfinClient : IMediaServer, IServiceProbe, IReportsDataIssues, IDisposable
{
    public const int DefaultPageSize = 500;

    /// <summary>Ids per collection call: they travel in the query string.</summary>
    internal const int IdsPerCall = 50;

    private const string ItemTypes = "Movie,Series,Episode";

    private static readonly JsonSerializerOptions Json = LenientJson.Options(naming: null);

    private readonly ServiceEndpoint endpoint;
    private readonly string prefix;
    private readonly int pageSize;

    internal JellyfinClient(ServiceEndpoint endpoint, int pageSize = DefaultPageSize)
    {
        if (endpoint.Kind is not (ServiceKind.Jellyfin or ServiceKind.Emby))
        {
            throw new ArgumentException($"The Jellyfin client serves Jellyfin and Emby, not {endpoint.Kind}.", nameof(endpoint));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        this.endpoint = endpoint;
        this.pageSize = pageSize;
        prefix = JellyfinAuthentication.PathPrefix(endpoint.Kind, endpoint.DisplayUrl);
        DataIssues = new DataIssueLog(endpoint.Name, endpoint.Kind, endpoint.TimeProvider);
    }

    /// <summary>Builds the client for one configured Jellyfin or Emby instance.</summary>
    /// <param name="kind"><see cref="ServiceKind.Jellyfin"/> or <see cref="ServiceKind.Emby"/>.</param>
    /// <param name="pageSize">Items per <c>/Items</c> page.</param>
    public static JellyfinClient Create(
        ServiceKind kind,
        ServiceInstanceOptions options,
        TimeProvider timeProvider,
        HttpMessageHandler? handler = null,
        int pageSize = DefaultPageSize) =>
        new(new ServiceEndpoint(kind, options, JellyfinAuthentication.For(kind), timeProvider, handler), pageSize);

    public string Name => endpoint.Name;

    public ServiceKind Kind => endpoint.Kind;

    public DataIssueLog DataIssues { get; }

    public Task<ServiceStatus> ProbeAsync(CancellationToken cancellationToken) =>
        ServiceProbing.MeasureAsync(
            endpoint,
            async ct =>
            {
                var info = await endpoint.GetJsonAsync<JellyfinPublicSystemInfo>($"{prefix}System/Info/Public", Json, ct).ConfigureAwait(false);

                // The public info answers without a key; the users call proves the key works.
                await ListUsersAsync(ct).ConfigureAwait(false);
                return info.Version;
            },
            cancellationToken);

    public async Task<IReadOnlyList<MediaServerUser>> ListUsersAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<JellyfinUserDto> users = Kind == ServiceKind.Emby
            ? (await endpoint.GetJsonAsync<JellyfinUserQueryResult>($"{prefix}Users/Query", Json, cancellationToken).ConfigureAwait(false)).Items
                ?? throw new SourceReadException(Name, Kind, "no Items in /Users/Query answer")
            : await endpoint.GetJsonAsync<List<JellyfinUserDto>>($"{prefix}Users", Json, cancellationToken).ConfigureAwait(false);

        var result = new List<MediaServerUser>(users.Count);
        foreach (var user in users)
        {
            if (string.IsNullOrEmpty(user.Id))
            {
                DataIssues.Report("(none)", "Users.Id", null, $"user '{user.Name}' has no id; skipped");
                continue;
            }

            result.Add(new MediaServerUser(Name, user.Id, user.Name ?? user.Id, user.Policy?.IsAdministrator ?? false, user.Policy?.IsDisabled ?? false));
        }

        return result;
    }

    public async Task<IReadOnlyList<MediaServerItem>> ListItemsAsync(CancellationToken cancellationToken)
    {
        // No userId: with an API key that lists every item, without UserData.
        var dtos = await ReadAllPagesAsync(
            $"recursive=true&includeItemTypes={ItemTypes}&fields=ProviderIds,Path,DateCreated,MediaSources&enableImages=false&enableUserData=false",
            cancellationToken).ConfigureAwait(false);
        var items = new List<MediaServerItem>(dtos.Count);
        foreach (var dto in dtos)
        {
            if (JellyfinItemMapping.ToItem(Name, dto, DataIssues) is { } item)
            {
                items.Add(item);
            }
        }

        return items;
    }

    /// <summary>
    /// The user's <c>UserData</c> for every movie, series and episode. <paramref name="changedSince"/> is accepted but
    /// the whole state is always read: Jellyfin's <c>minDateLastSaved</c>/<c>minDateLastSavedForUser</c> filter on the
    /// item's metadata save date, which a play does not change, so a "delta" would silently miss new plays and
    /// favorites. Returning more than asked is safe; returning less is not.
    /// </summary>
    public async Task<IReadOnlyList<UserWatchState>> ListWatchStateAsync(MediaServerUser user, DateTimeOffset? changedSince, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var dtos = await ReadAllPagesAsync(
            $"userId={Uri.EscapeDataString(user.UserId)}&recursive=true&includeItemTypes={ItemTypes}&enableUserData=true&enableImages=false",
            cancellationToken).ConfigureAwait(false);

        var states = new List<UserWatchState>(dtos.Count);
        foreach (var dto in dtos)
        {
            if (dto.Id is not { } id || JellyfinItemMapping.TypeOf(dto.Type) is null)
            {
                continue;
            }

            // Asked with a userId, the server always sends UserData; without it the state is unknown, not "unwatched".
            if (dto.UserData is not { Played: { } played } data)
            {
                throw new SourceReadException(Name, Kind, $"item {id} came without UserData.Played for user '{user.Name}'; watch state unknown");
            }

            states.Add(new UserWatchState(
                Name,
                user.UserId,
                user.Name,
                id,
                played,
                (int)Math.Clamp(data.PlayCount ?? 0, 0, int.MaxValue),
                DataIssues.ParseIso(data.LastPlayedDate, id, "UserData.LastPlayedDate"),
                Math.Max(0, data.PlaybackPositionTicks ?? 0),
                data.IsFavorite ?? false));
        }

        return states;
    }

    public async Task<IReadOnlyList<NowPlaying>> ListNowPlayingAsync(CancellationToken cancellationToken)
    {
        var sessions = await endpoint.GetJsonAsync<List<JellyfinSession>>($"{prefix}Sessions", Json, cancellationToken).ConfigureAwait(false);
        return sessions
            .Where(s => !string.IsNullOrEmpty(s.NowPlayingItem?.Id))
            .Select(s => new NowPlaying(Name, s.UserName ?? s.UserId ?? "(unknown)", s.NowPlayingItem!.Id!))
            .ToList();
    }

    public Task RefreshLibraryAsync(CancellationToken cancellationToken) =>
        endpoint.SendAsync(HttpMethod.Post, $"{prefix}Library/Refresh", null, Json, "refresh library", cancellationToken);

    public async Task SyncCollectionAsync(string name, IReadOnlyCollection<string> itemIds, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(itemIds);
        var action = $"sync collection '{name}'";
        var wanted = itemIds.Select(NormalizeId).Distinct(StringComparer.Ordinal).ToList();
        try
        {
            var collectionId = await FindCollectionAsync(name, cancellationToken).ConfigureAwait(false);
            if (collectionId is null)
            {
                var first = wanted.Take(IdsPerCall).ToList();
                var created = await endpoint.SendJsonAsync<JellyfinCollectionCreated>(
                    HttpMethod.Post,
                    $"{prefix}Collections?name={Uri.EscapeDataString(name)}&ids={string.Join(',', first)}&isLocked=true",
                    null, Json, action, cancellationToken).ConfigureAwait(false);
                collectionId = created.Id ?? throw new ServiceActionException(Name, Kind, action, "the server created the collection but sent no id");
                await ChangeMembersAsync(HttpMethod.Post, collectionId, wanted.Skip(IdsPerCall).ToList(), action, cancellationToken).ConfigureAwait(false);
                return;
            }

            var members = await ReadAllPagesAsync($"parentId={Uri.EscapeDataString(collectionId)}&enableImages=false&enableUserData=false", cancellationToken).ConfigureAwait(false);
            var current = members.Where(m => m.Id is not null).Select(m => NormalizeId(m.Id!)).ToHashSet(StringComparer.Ordinal);
            var wantedSet = wanted.ToHashSet(StringComparer.Ordinal);
            await ChangeMembersAsync(HttpMethod.Post, collectionId, wanted.Where(id => !current.Contains(id)).ToList(), action, cancellationToken).ConfigureAwait(false);
            await ChangeMembersAsync(HttpMethod.Delete, collectionId, current.Where(id => !wantedSet.Contains(id)).Order(StringComparer.Ordinal).ToList(), action, cancellationToken).ConfigureAwait(false);
        }
        catch (SourceReadException ex)
        {
            throw new ServiceActionException(Name, Kind, action, ex.Reason, inner: ex);
        }
    }

    /// <summary>Reads every item of <c>/Items</c> for a query, page by page; never returns a partial list.</summary>
    private async Task<List<JellyfinItemDto>> ReadAllPagesAsync(string query, CancellationToken cancellationToken)
    {
        var all = new List<JellyfinItemDto>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var start = 0;
        while (true)
        {
            var page = await endpoint.GetJsonAsync<JellyfinItemPage>($"{prefix}Items?{query}&startIndex={start}&limit={pageSize}", Json, cancellationToken).ConfigureAwait(false);
            var total = page.TotalRecordCount ?? throw new SourceReadException(Name, Kind, "no TotalRecordCount in /Items answer");
            var items = page.Items ?? [];
            foreach (var item in items)
            {
                // Items moving between pages while we read can show up twice.
                if (item.Id is null || seen.Add(item.Id))
                {
                    all.Add(item);
                }
            }

            start += items.Count;
            if (start >= total)
            {
                return all;
            }

            if (items.Count == 0)
            {
                throw new SourceReadException(Name, Kind, $"truncated paging: /Items promised {total} items but sent none after {start}");
            }
        }
    }

    private async Task<string?> FindCollectionAsync(string name, CancellationToken cancellationToken)
    {
        var found = await ReadAllPagesAsync(
            $"includeItemTypes=BoxSet&recursive=true&searchTerm={Uri.EscapeDataString(name)}&enableImages=false&enableUserData=false",
            cancellationToken).ConfigureAwait(false);

        // searchTerm matches parts of names; only the exact name is ours.
        return found.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal))?.Id
            ?? found.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase))?.Id;
    }

    private async Task ChangeMembersAsync(HttpMethod method, string collectionId, IReadOnlyList<string> ids, string action, CancellationToken cancellationToken)
    {
        foreach (var chunk in ids.Chunk(IdsPerCall))
        {
            await endpoint.SendAsync(method, $"{prefix}Collections/{Uri.EscapeDataString(collectionId)}/Items?ids={string.Join(',', chunk)}", null, Json, action, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Jellyfin accepts GUIDs with or without dashes; compare them in N format.</summary>
    private static string NormalizeId(string id) => Guid.TryParse(id, out var guid) ? guid.ToString("N") : id.Trim();

    public void Dispose() => endpoint.Dispose();
}
