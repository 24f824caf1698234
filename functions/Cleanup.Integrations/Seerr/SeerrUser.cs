namespace Cleanup.Integrations.Seerr;

/// <summary>A Jellyseerr/Overseerr user. <paramref name="UserType"/>: 1 Plex, 2 local, 3 Jellyfin, 4 Emby.</summary>
public sealed record SeerrUser(string Instance, int Id, string DisplayName, string? Email, int? UserType);
