using Cleanup.Engine.Sources;

namespace Cleanup.Engine.Ports;

/// <summary>Jellyseerr / Overseerr. Reads throw <see cref="SourceReadException"/> when they fail.</summary>
public interface IRequestSource
{
    string Name { get; }

    Task<IReadOnlyList<MediaRequest>> ListRequestsAsync(CancellationToken cancellationToken);

    /// <summary>Deletes Seerr's media record (by its internal media id), which resets its requests.</summary>
    Task DeleteMediaAsync(int mediaId, CancellationToken cancellationToken);
}
