using Cleanup.Engine.Deletion;

namespace Cleanup.Engine.Ports;

/// <summary>The deletion audit. Entries are never removed by the engine.</summary>
public interface IAuditLog
{
    /// <summary>Inserts or replaces the entry with <see cref="AuditEntry.Id"/>.</summary>
    Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>Page <paramref name="page"/> (1-based), newest first by <see cref="AuditEntry.At"/>, with totals over all entries.</summary>
    Task<AuditPage> ReadAsync(int page, int pageSize, CancellationToken cancellationToken);
}
