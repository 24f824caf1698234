namespace Cleanup.Engine.Sources;

/// <summary>
/// A play recorded by a statistics source (Jellystat for Jellyfin/Emby, Tautulli for Plex).
/// <paramref name="ItemId"/> is the media server's id (Jellyfin GUID or Plex ratingKey): statistics sources carry no
/// provider ids, so they join through the media server named by <paramref name="MediaServer"/>.
/// <paramref name="PlayedFor"/> is how long the play lasted when the source says so (Jellystat knows the duration
/// but not the runtime, so it cannot say whether a play was complete). <paramref name="UserId"/> is the source's user id.
/// </summary>
public sealed record WatchHistoryEntry(
    string Source,
    string MediaServer,
    string UserName,
    string ItemId,
    string? SeriesItemId,
    DateTimeOffset WatchedAt,
    bool Completed,
    int? PercentComplete = null,
    TimeSpan? PlayedFor = null,
    string? UserId = null);
