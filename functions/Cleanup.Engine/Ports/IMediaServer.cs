using Cleanup.Engine.Sources;

namespace Cleanup.Engine.Ports;

/// <summary>A Jellyfin, Emby or Plex server. Reads throw <see cref="SourceReadException"/> when they fail.</summary>
public interface IMediaServer
{
    string Name { get; }

    ServiceKind Kind { get; }

    Task<IReadOnlyList<MediaServerUser>> ListUsersAsync(CancellationToken cancellationToken);

    /// <summary>Movies, series, seasons and episodes (all pages).</summary>
    Task<IReadOnlyList<MediaServerItem>> ListItemsAsync(CancellationToken cancellationToken);

    /// <summary>Per-user watch state; one pass per user. <paramref name="changedSince"/> limits it to recent changes where the server can.</summary>
    Task<IReadOnlyList<UserWatchState>> ListWatchStateAsync(MediaServerUser user, DateTimeOffset? changedSince, CancellationToken cancellationToken);

    Task<IReadOnlyList<NowPlaying>> ListNowPlayingAsync(CancellationToken cancellationToken);

    Task RefreshLibraryAsync(CancellationToken cancellationToken);

    /// <summary>Makes a collection named <paramref name="name"/> hold exactly <paramref name="itemIds"/> (creates it if needed).</summary>
    Task SyncCollectionAsync(string name, IReadOnlyCollection<string> itemIds, CancellationToken cancellationToken);
}
