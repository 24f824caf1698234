namespace Cleanup.Engine.Sources;

public enum MediaServerItemType
{
    Movie,
    Series,
    Season,
    Episode,
}

/// <summary>Provider ids as the media server reports them. Jellyfin sends strings; unparsable ones stay null.</summary>
public sealed record ProviderIds(int? Tmdb, string? Imdb, int? Tvdb);

/// <summary>An item on a media server (Jellyfin, Emby or Plex).</summary>
/// <param name="Server">Configured media server instance name.</param>
/// <param name="ItemId">Jellyfin/Emby N-format GUID, or Plex ratingKey.</param>
/// <param name="SeriesId">For episodes and seasons: the server's id of the series.</param>
/// <param name="Size">Sum of <c>MediaSources[].Size</c>; null when the server reported none.</param>
public sealed record MediaServerItem(
    string Server,
    string ItemId,
    MediaServerItemType Type,
    string Name,
    int? Year,
    ProviderIds Ids,
    string? SeriesId,
    int? SeasonNumber,
    int? EpisodeNumber,
    long? Size,
    DateTimeOffset? DateCreated,
    string? Path = null);

/// <summary>A media server user.</summary>
public sealed record MediaServerUser(string Server, string UserId, string Name, bool IsAdministrator, bool IsDisabled);

/// <summary>One user's state of one item on one media server (Jellyfin <c>UserData</c>, Plex view data).</summary>
public sealed record UserWatchState(
    string Server,
    string UserId,
    string UserName,
    string ItemId,
    bool Played,
    int PlayCount,
    DateTimeOffset? LastPlayed,
    long PlaybackPositionTicks,
    bool IsFavorite);

/// <summary>Something being played right now (a session with a now-playing item).</summary>
public sealed record NowPlaying(string Server, string UserName, string ItemId);
