namespace Cleanup.Engine.Library;

/// <summary>A Jellyseerr/Overseerr request for a library item.</summary>
/// <param name="Source">The request source instance.</param>
/// <param name="MediaId">Seerr's internal media id (what its delete call takes).</param>
public sealed record ItemRequest(
    string Source,
    int RequestId,
    int MediaId,
    string Requester,
    string? RequesterEmail,
    DateTimeOffset? RequestedAt,
    int Status);
