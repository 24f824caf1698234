using Cleanup.Engine.Sources;

namespace Cleanup.Engine.Ports;

/// <summary>Jellyseerr / Overseerr. Reads throw <see cref="SourceReadException"/> when they fail.</summary>
public interface IRequestSource
{
    string Name { get; }

    /// <summary>Jellyseerr or Overseerr (added for job reports; implementations with a public Kind property satisfy it).</summary>
    ServiceKind Kind => ServiceKind.Jellyseerr;

    Task<IReadOnlyList<MediaRequest>> ListRequestsAsync(CancellationToken cancellationToken);

    /// <summary>Deletes Seerr's media record (by its internal media id), which resets its requests.</summary>
    Task DeleteMediaAsync(int mediaId, CancellationToken cancellationToken);
}
