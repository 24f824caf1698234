using Cleanup.Engine.Deletion;

namespace Cleanup.Engine.Ports;

/// <summary>Per-source read history (one record per configured source name).</summary>
public interface ISourceHealthStore
{
    Task<IReadOnlyList<SourceHealth>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Inserts or replaces each record by <see cref="SourceHealth.Source"/>.</summary>
    Task SaveAsync(IReadOnlyList<SourceHealth> records, CancellationToken cancellationToken);
}
