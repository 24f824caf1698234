namespace Cleanup.Engine.Sources;

/// <summary>The kinds of home service Cleanup talks to. Each can be configured several times.</summary>
public enum ServiceKind
{
    Radarr,
    Sonarr,
    Jellyfin,
    Emby,
    Plex,
    Jellyseerr,
    Overseerr,
    Jellystat,
    Tautulli,
}
