using Cleanup.Engine.Sources;

namespace Cleanup.Engine.Library;

/// <summary>A source whose read failed this run (see <see cref="SourceReadException"/>).</summary>
/// <param name="Source">The configured instance name.</param>
/// <param name="Reason">Why, in words (never secrets).</param>
/// <param name="MediaServer">
/// For a statistics source (Jellystat, Tautulli): the media server it records plays for. Only that server's items become
/// unknown; when null every item does.
/// </param>
public sealed record SourceFailure(string Source, ServiceKind Kind, string Reason, string? MediaServer = null)
{
    public static SourceFailure From(SourceReadException exception, string? mediaServer = null) =>
        new(exception.Source, exception.Kind, exception.Reason, mediaServer);

    internal bool IsMediaServer => Kind is ServiceKind.Jellyfin or ServiceKind.Emby or ServiceKind.Plex;

    internal bool IsStatistics => Kind is ServiceKind.Jellystat or ServiceKind.Tautulli;

    internal bool IsRequests => Kind is ServiceKind.Jellyseerr or ServiceKind.Overseerr;
}
