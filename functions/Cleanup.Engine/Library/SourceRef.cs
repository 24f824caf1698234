using Cleanup.Engine.Sources;

namespace Cleanup.Engine.Library;

/// <summary>
/// Where one service instance knows a library item, with the ids needed to act on it there.
/// </summary>
/// <param name="Kind">The kind of service (Radarr, Sonarr, Jellyfin, ...).</param>
/// <param name="Instance">The configured instance name.</param>
/// <param name="Id">The item's id in that instance (Radarr movie id, Sonarr series/episode id, media server item id).</param>
/// <param name="FileId">Radarr movie file id or Sonarr episode file id, when there is a file.</param>
/// <param name="SeriesId">For Sonarr episodes and seasons: the Sonarr series id (Sonarr's file calls need it).</param>
/// <param name="SeasonNumber">For Sonarr seasons: the season number (with <paramref name="SeriesId"/>).</param>
public sealed record SourceRef(
    ServiceKind Kind,
    string Instance,
    string Id,
    int? FileId = null,
    int? SeriesId = null,
    int? SeasonNumber = null)
{
    /// <summary>True for Radarr and Sonarr: the services Cleanup deletes through.</summary>
    public bool IsManager => Kind is ServiceKind.Radarr or ServiceKind.Sonarr;
}
