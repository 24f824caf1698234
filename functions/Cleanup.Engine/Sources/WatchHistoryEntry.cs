namespace Cleanup.Engine.Sources;

/// <summary>
/// A play recorded by a statistics source (Jellystat for Jellyfin/Emby, Tautulli for Plex).
/// <paramref name="ItemId"/> is the media server's id (Jellyfin GUID or Plex ratingKey): statistics sources carry no
/// provider ids, so they join through the media server named by <paramref name="MediaServer"/>.
/// </summary>
public sealed record WatchHistoryEntry(
    string Source,
    string MediaServer,
    string UserName,
    string ItemId,
    string? SeriesItemId,
    DateTimeOffset WatchedAt,
    bool Completed,
    int? PercentComplete = null);
