using Cleanup.Engine.Sources;

namespace Cleanup.Engine.Library;

/// <summary>
/// Everything read from the home services in one run, plus which sources failed. The input of
/// <see cref="UnifiedLibrary.Build"/>. A failed source contributes nothing here and is listed in <see cref="Failures"/>,
/// so that its silence is read as "unknown", never as "empty".
/// </summary>
public sealed record SourceSnapshot
{
    public IReadOnlyList<ArrMovie> Movies { get; init; } = [];

    public IReadOnlyList<ArrSeries> Series { get; init; } = [];

    /// <summary>Episodes of every series (episodes without a file are ignored: there is nothing to keep or delete).</summary>
    public IReadOnlyList<ArrEpisode> Episodes { get; init; } = [];

    public IReadOnlyList<MediaServerItem> MediaServerItems { get; init; } = [];

    public IReadOnlyList<UserWatchState> WatchStates { get; init; } = [];

    public IReadOnlyList<NowPlaying> NowPlaying { get; init; } = [];

    public IReadOnlyList<MediaRequest> Requests { get; init; } = [];

    public IReadOnlyList<WatchHistoryEntry> History { get; init; } = [];

    public IReadOnlyList<SourceFailure> Failures { get; init; } = [];

    /// <summary>
    /// The kind of each media server and request source by instance name (Jellyfin/Emby/Plex, Jellyseerr/Overseerr).
    /// Instances not listed are taken to be Jellyfin and Jellyseerr.
    /// </summary>
    public IReadOnlyDictionary<string, ServiceKind> SourceKinds { get; init; } = new Dictionary<string, ServiceKind>();
}
