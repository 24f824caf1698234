using System.Text.Json;
using Cleanup.Engine.Ports;
using Cleanup.Engine.Sources;
using Cleanup.Integrations.Configuration;
using Cleanup.Integrations.Http;
using Cleanup.Integrations.Json;

namespace Cleanup.Integrations.Jellystat;

/// <summary>
/// Jellystat: the play history of one Jellyfin (or Emby) server. Its ids are that server's item ids, so every entry
/// names the media server it belongs to. Jellystat knows how long a play lasted but not the runtime, so entries
/// carry <see cref="WatchHistoryEntry.PlayedFor"/> and are never marked complete.
/// </summary>
internal sealed class JellystatClient : IWatchHistorySource, IServiceProbe, IReportsDataIssues, IDisposable
{
    public const int DefaultPageSize = 250;

    private static readonly JsonSerializerOptions Json = LenientJson.Options(naming: null);

    private readonly ServiceEndpoint endpoint;
    private readonly int pageSize;

    internal JellystatClient(ServiceEndpoint endpoint, string mediaServer, int pageSize = DefaultPageSize)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mediaServer);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        this.endpoint = endpoint;
        this.pageSize = pageSize;
        MediaServer = mediaServer;
        DataIssues = new DataIssueLog(endpoint.Name, endpoint.Kind, endpoint.TimeProvider);
    }

    /// <summary>Builds the client for one configured Jellystat instance.</summary>
    /// <param name="kind">Must be <see cref="ServiceKind.Jellystat"/>.</param>
    /// <param name="mediaServer">Name of the Jellyfin/Emby instance whose plays it records (setting <c>Services:Jellystat:N:MediaServer</c>).</param>
    public static JellystatClient Create(
        ServiceKind kind,
        ServiceInstanceOptions options,
        string mediaServer,
        TimeProvider timeProvider,
        HttpMessageHandler? handler = null,
        int pageSize = DefaultPageSize)
    {
        if (kind != ServiceKind.Jellystat)
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "The Jellystat client serves Jellystat only.");
        }

        return new(new ServiceEndpoint(kind, options, static (request, key) => request.Headers.TryAddWithoutValidation("x-api-token", key), timeProvider, handler), mediaServer, pageSize);
    }

    public string Name => endpoint.Name;

    public ServiceKind Kind => endpoint.Kind;

    /// <summary>The media server instance the history belongs to.</summary>
    public string MediaServer { get; }

    public DataIssueLog DataIssues { get; }

    /// <summary>Jellystat has no version endpoint that stays local (its update check calls GitHub); the libraries call proves the key.</summary>
    public Task<ServiceStatus> ProbeAsync(CancellationToken cancellationToken) =>
        ServiceProbing.MeasureAsync(
            endpoint,
            async ct =>
            {
                await endpoint.GetJsonAsync<JsonElement>("api/getLibraries", Json, ct).ConfigureAwait(false);
                return null;
            },
            cancellationToken);

    /// <summary>
    /// Every play since <paramref name="since"/>. Groups come newest first (Jellystat's default sort), so paging stops
    /// at the first page whose last group is older than <paramref name="since"/>.
    /// </summary>
    public async Task<IReadOnlyList<WatchHistoryEntry>> ListHistoryAsync(DateTimeOffset? since, CancellationToken cancellationToken)
    {
        var entries = new List<WatchHistoryEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var page = 1; ; page++)
        {
            var answer = await endpoint.GetJsonAsync<JellystatPage>(
                $"api/getHistory?size={pageSize}&page={page}&sort=ActivityDateInserted&desc=true", Json, cancellationToken).ConfigureAwait(false);
            var pages = answer.Pages ?? throw new SourceReadException(Name, Kind, "no 'pages' in /api/getHistory answer");
            var groups = answer.Results ?? throw new SourceReadException(Name, Kind, "no 'results' in /api/getHistory answer");
            if (groups.Count == 0 && page <= pages)
            {
                throw new SourceReadException(Name, Kind, $"truncated paging: /api/getHistory promised {pages} pages but page {page} is empty");
            }

            DateTimeOffset? oldestGroup = null;
            foreach (var group in groups)
            {
                foreach (var play in group.Results is { Count: > 0 } plays ? plays : [group])
                {
                    var entry = ToEntry(play);
                    if ((since is null || entry.WatchedAt >= since) && (play.Id is null || seen.Add(play.Id)))
                    {
                        entries.Add(entry);
                    }
                }

                oldestGroup = ToEntry(group).WatchedAt;
            }

            if (page >= pages || (since is not null && oldestGroup < since))
            {
                return entries;
            }
        }
    }

    /// <summary>Every play of one item (a movie, an episode, or all episodes of a season or series).</summary>
    public async Task<IReadOnlyList<WatchHistoryEntry>> ListItemHistoryAsync(string itemId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(itemId);
        var entries = new List<WatchHistoryEntry>();
        for (var page = 1; ; page++)
        {
            JellystatPage answer;
            try
            {
                // A read that Jellystat takes as a POST.
                answer = await endpoint.SendJsonAsync<JellystatPage>(
                    HttpMethod.Post, $"api/getItemHistory?size={pageSize}&page={page}", new JellystatItemHistoryRequest(itemId), Json, "read item history", cancellationToken).ConfigureAwait(false);
            }
            catch (ServiceActionException ex)
            {
                throw new SourceReadException(Name, Kind, ex.Reason, ex);
            }

            var pages = answer.Pages ?? throw new SourceReadException(Name, Kind, "no 'pages' in /api/getItemHistory answer");
            var plays = answer.Results ?? throw new SourceReadException(Name, Kind, "no 'results' in /api/getItemHistory answer");
            if (plays.Count == 0 && page <= pages)
            {
                throw new SourceReadException(Name, Kind, $"truncated paging: /api/getItemHistory promised {pages} pages but page {page} is empty");
            }

            entries.AddRange(plays.Select(ToEntry));
            if (page >= pages)
            {
                return entries;
            }
        }
    }

    private WatchHistoryEntry ToEntry(JellystatPlay play)
    {
        var rowId = play.Id ?? play.EpisodeId ?? play.NowPlayingItemId ?? "(none)";
        var itemId = play.EpisodeId ?? play.NowPlayingItemId
            ?? throw new SourceReadException(Name, Kind, $"play {rowId} names no item");

        // A play without a usable date cannot be placed in time; dropping it could make a watched item look
        // unwatched, so the read fails instead (the issue names the row to fix).
        var at = DataIssues.ParseIso(play.ActivityDateInserted, rowId, "ActivityDateInserted")
            ?? throw new SourceReadException(Name, Kind, $"play {rowId} has no usable ActivityDateInserted");

        return new WatchHistoryEntry(
            Name,
            MediaServer,
            play.UserName ?? play.UserId ?? "(unknown)",
            itemId,
            play.EpisodeId is null ? null : play.NowPlayingItemId,
            at,
            Completed: false,
            PercentComplete: null,
            PlayedFor: play.PlaybackDuration is { } s and >= 0 ? TimeSpan.FromSeconds(s) : null,
            UserId: play.UserId);
    }

    public void Dispose() => endpoint.Dispose();
}
