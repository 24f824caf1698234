using System.Text.Json.Serialization;
using Cleanup.Engine.Jobs;
using Cleanup.Engine.Ports;
using Cleanup.Engine.Sources;

namespace Cleanup.Engine.Workflows;

/// <summary>What a source is for: decides which reads a sync makes from it.</summary>
public enum SourceRole
{
    Movies,
    Series,
    MediaServer,
    Requests,
    WatchHistory,
}

/// <summary>A configured source, by name.</summary>
public sealed record SourceRef(
    string Name,
    [property: JsonConverter(typeof(JsonStringEnumConverter<ServiceKind>))] ServiceKind Kind,
    [property: JsonConverter(typeof(JsonStringEnumConverter<SourceRole>))] SourceRole Role);

public enum SyncMode
{
    /// <summary>Everything the source has.</summary>
    Full,

    /// <summary>Only what changes with watching: users' watch state changed since a cursor, plays since it, now playing.</summary>
    WatchChanges,
}

/// <param name="ChangedSince">For <see cref="SyncMode.WatchChanges"/>: read changes after this; null = everything.</param>
public sealed record SyncSourceInput(string RunId, SourceRef Source, SyncMode Mode, DateTimeOffset? ChangedSince = null);

/// <summary>How one source's read went; the data itself is in <see cref="Snapshot"/>.</summary>
/// <param name="ItemCount">Full: movies / series / media-server items / requests / plays. Changes: watch states + plays read.</param>
/// <param name="ReadAt">When the read started (the next incremental cursor).</param>
public sealed record SourceSyncSummary(
    SourceRef Source,
    SyncMode Mode,
    [property: JsonConverter(typeof(JsonStringEnumConverter<SourceOutcome>))] SourceOutcome Outcome,
    int ItemCount,
    string? Error,
    SnapshotRef? Snapshot,
    DateTimeOffset ReadAt)
{
    public JobSource ToJobSource() => new(Source.Name, Source.Kind, Outcome, ItemCount, Error);
}

/// <summary>
/// Everything one read of one source returned, stored as a blob (<see cref="SourceSyncSummary.Snapshot"/>).
/// Only the lists of the source's role are set.
/// </summary>
public sealed record SourceSnapshot(
    SourceRef Source,
    SyncMode Mode,
    DateTimeOffset ReadAt,
    DateTimeOffset? ChangedSince,
    IReadOnlyList<ArrMovie>? Movies = null,
    IReadOnlyList<ArrSeries>? Series = null,
    IReadOnlyList<ArrEpisode>? Episodes = null,
    IReadOnlyList<MediaServerItem>? Items = null,
    IReadOnlyList<MediaServerUser>? Users = null,
    IReadOnlyList<UserWatchState>? WatchStates = null,
    IReadOnlyList<NowPlaying>? NowPlaying = null,
    IReadOnlyList<MediaRequest>? Requests = null,
    IReadOnlyList<WatchHistoryEntry>? History = null);

/// <summary>A hint that one item changed (from a Radarr/Sonarr/Jellyfin webhook).</summary>
/// <param name="EventType">As the service sent it: "Download", "MovieDelete", "SeriesDelete", "EpisodeFileDelete", "PlaybackStop".</param>
/// <param name="ItemId">The media server's item id (Jellyfin webhooks).</param>
public sealed record ItemHint(
    [property: JsonConverter(typeof(JsonStringEnumConverter<ServiceKind>))] ServiceKind Service,
    string EventType,
    int? TmdbId = null,
    int? TvdbId = null,
    string? ItemId = null,
    string? Title = null);

public sealed record ListSourcesInput;

public sealed record RecordSourceHealthInput(IReadOnlyList<SourceSyncSummary> Sources);

/// <param name="Anomalies">Sources whose latest read looks wrong, in words (stops deletions until it clears).</param>
public sealed record SourceHealthReport(IReadOnlyList<string> Anomalies);

public sealed record LoadSyncCursorsInput(IReadOnlyList<string> Sources);

/// <param name="ChangedSince">The last good read of the source, minus a small overlap; null when there was none.</param>
public sealed record SyncCursor(string Source, DateTimeOffset? ChangedSince);
