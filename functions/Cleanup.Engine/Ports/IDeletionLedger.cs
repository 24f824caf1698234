using Cleanup.Engine.Deletion;

namespace Cleanup.Engine.Ports;

/// <summary>Intent and outcome of the latest action per item (one entry per item id).</summary>
public interface IDeletionLedger
{
    Task<DeletionLedgerEntry?> GetAsync(string itemId, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces the item's entry. Must be durable when it returns (the action follows).</summary>
    Task SaveAsync(DeletionLedgerEntry entry, CancellationToken cancellationToken);
}
