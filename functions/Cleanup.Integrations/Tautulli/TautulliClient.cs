using System.Globalization;
using System.Text.Json;
using Cleanup.Engine.Ports;
using Cleanup.Engine.Sources;
using Cleanup.Integrations.Configuration;
using Cleanup.Integrations.Http;
using Cleanup.Integrations.Json;

namespace Cleanup.Integrations.Tautulli;

/// <summary>
/// Tautulli: the play history of one Plex server, for every Plex user (Plex itself only reports the token owner's
/// views). Ids are that server's ratingKeys. The key travels in the query string, which the endpoint never shows.
/// </summary>
internal sealed class TautulliClient : IWatchHistorySource, IServiceProbe, IReportsDataIssues, IDisposable
{
    public const int DefaultPageSize = 1000;

    private static readonly JsonSerializerOptions Json = LenientJson.Options(naming: null);

    private readonly ServiceEndpoint endpoint;
    private readonly int pageSize;

    internal TautulliClient(ServiceEndpoint endpoint, string mediaServer, int pageSize = DefaultPageSize)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mediaServer);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        this.endpoint = endpoint;
        this.pageSize = pageSize;
        MediaServer = mediaServer;
        DataIssues = new DataIssueLog(endpoint.Name, endpoint.Kind, endpoint.TimeProvider);
    }

    /// <summary>Builds the client for one configured Tautulli instance.</summary>
    /// <param name="kind">Must be <see cref="ServiceKind.Tautulli"/>.</param>
    /// <param name="mediaServer">Name of the Plex instance whose plays it records (setting <c>Services:Tautulli:N:MediaServer</c>).</param>
    public static TautulliClient Create(
        ServiceKind kind,
        ServiceInstanceOptions options,
        string mediaServer,
        TimeProvider timeProvider,
        HttpMessageHandler? handler = null,
        int pageSize = DefaultPageSize)
    {
        if (kind != ServiceKind.Tautulli)
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "The Tautulli client serves Tautulli only.");
        }

        var inner = handler ?? new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(Math.Clamp(options.TimeoutSeconds, 1, 10)),
        };
        return new(new ServiceEndpoint(kind, options, AddKey, timeProvider, new TautulliErrorAnswers(inner)), mediaServer, pageSize);
    }

    public string Name => endpoint.Name;

    public ServiceKind Kind => endpoint.Kind;

    /// <summary>The Plex instance the history belongs to.</summary>
    public string MediaServer { get; }

    public DataIssueLog DataIssues { get; }

    public Task<ServiceStatus> ProbeAsync(CancellationToken cancellationToken) =>
        ServiceProbing.MeasureAsync(
            endpoint,
            async ct => (await CallAsync<TautulliInfo>("get_tautulli_info", string.Empty, ct).ConfigureAwait(false)).Version,
            cancellationToken);

    /// <summary>
    /// Every play since <paramref name="since"/>, one row per play (<c>grouping=0</c>), newest first. Tautulli's
    /// <c>after</c> filter works on local calendar days, so it is widened by two days and the rest is filtered here.
    /// </summary>
    public async Task<IReadOnlyList<WatchHistoryEntry>> ListHistoryAsync(DateTimeOffset? since, CancellationToken cancellationToken)
    {
        var after = since is { } s ? "&after=" + s.UtcDateTime.AddDays(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : string.Empty;
        var entries = new List<WatchHistoryEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var start = 0; ;)
        {
            var data = await CallAsync<TautulliHistoryData>(
                "get_history", $"&start={start}&length={pageSize}&order_column=date&order_dir=desc&grouping=0{after}", cancellationToken).ConfigureAwait(false);
            var total = data.RecordsFiltered ?? throw new SourceReadException(Name, Kind, "no recordsFiltered in get_history answer");
            var rows = data.Data ?? throw new SourceReadException(Name, Kind, "no data rows in get_history answer");
            if (rows.Count == 0 && start < total)
            {
                throw new SourceReadException(Name, Kind, $"truncated paging: get_history promised {total} rows but sent none after {start}");
            }

            DateTimeOffset? oldest = null;
            foreach (var row in rows)
            {
                var entry = ToEntry(row);
                oldest = entry.WatchedAt;
                var rowKey = row.Id ?? row.RowId;
                if ((since is null || entry.WatchedAt >= since) && (rowKey is null || seen.Add(rowKey)))
                {
                    entries.Add(entry);
                }
            }

            start += rows.Count;
            if (start >= total || (since is not null && oldest < since))
            {
                return entries;
            }
        }
    }

    private WatchHistoryEntry ToEntry(TautulliHistoryRow row)
    {
        var rowId = row.Id ?? row.RowId ?? "(none)";
        var itemId = row.RatingKey ?? throw new SourceReadException(Name, Kind, $"history row {rowId} names no rating_key");

        // A play that cannot be placed in time fails the read: dropping it could make a watched item look unwatched.
        var at = DataIssues.FromUnixSeconds(row.Date, rowId, "date")
            ?? throw new SourceReadException(Name, Kind, $"history row {rowId} has no usable date");
        var seconds = row.PlayDuration ?? row.Duration;
        var isEpisode = string.Equals(row.MediaType, "episode", StringComparison.OrdinalIgnoreCase);
        return new WatchHistoryEntry(
            Name,
            MediaServer,
            row.User ?? row.FriendlyName ?? row.UserId ?? "(unknown)",
            itemId,
            isEpisode ? row.GrandparentRatingKey : null,
            at,
            Completed: row.WatchedStatus >= 1,
            PercentComplete: row.PercentComplete is { } p ? (int)Math.Clamp(p, 0, 100) : null,
            PlayedFor: seconds is { } d and >= 0 ? TimeSpan.FromSeconds(d) : null,
            UserId: row.UserId);
    }

    /// <summary>Calls one command and unwraps the envelope; <c>result: "error"</c> becomes a <see cref="SourceReadException"/>.</summary>
    private async Task<T> CallAsync<T>(string command, string parameters, CancellationToken cancellationToken)
    {
        var envelope = await endpoint.GetJsonAsync<TautulliEnvelope<T>>($"api/v2?cmd={command}{parameters}", Json, cancellationToken).ConfigureAwait(false);
        var response = envelope.Response ?? throw new SourceReadException(Name, Kind, $"no 'response' in the {command} answer");
        if (!string.Equals(response.Result, "success", StringComparison.OrdinalIgnoreCase))
        {
            throw new SourceReadException(Name, Kind, $"{command} failed: {Scrub(response.Message) ?? response.Result ?? "no result"}");
        }

        return response.Data ?? throw new SourceReadException(Name, Kind, $"no 'data' in the {command} answer");
    }

    /// <summary>Tautulli's messages can echo parameters; the key never leaves this client.</summary>
    private string? Scrub(string? message)
    {
        var key = endpoint.Options.ApiKey;
        return message is null || string.IsNullOrEmpty(key) ? message : message.Replace(key, "***", StringComparison.OrdinalIgnoreCase);
    }

    private static void AddKey(HttpRequestMessage request, string key)
    {
        var uri = request.RequestUri!.ToString();
        request.RequestUri = new Uri(uri + (uri.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "apikey=" + Uri.EscapeDataString(key));
    }

    public void Dispose() => endpoint.Dispose();
}
