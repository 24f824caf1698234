using Cleanup.Engine.Deletion;

namespace Cleanup.Engine.Ports;

/// <summary>The items the rules say are due now (grace period over, not kept). The host maps the rules' decisions.</summary>
public interface IDeletionCandidateSource
{
    /// <summary>Due items, earliest deletion date first.</summary>
    Task<IReadOnlyList<DeletionCandidate>> ListDueAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
