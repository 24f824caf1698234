using Cleanup.Engine.Deletion;

namespace Cleanup.Engine.Ports;

/// <summary>
/// Re-reads an item's watch state and exclusions right before the pipeline acts on it (watched since flagged,
/// manual keep, favourite, playing now, requested). Anything other than still-due skips the item.
/// Implementations return <see cref="RecheckStatus.Unknown"/> rather than throw when a read fails.
/// </summary>
public interface IItemRecheck
{
    Task<RecheckResult> RecheckAsync(DeletionCandidate candidate, CancellationToken cancellationToken);
}
