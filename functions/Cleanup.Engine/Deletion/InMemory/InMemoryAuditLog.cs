using Cleanup.Engine.Ports;

namespace Cleanup.Engine.Deletion.InMemory;

/// <summary>The audit in memory (tests, demo without storage).</summary>
public sealed class InMemoryAuditLog : IAuditLog
{
    private readonly Lock sync = new();
    private readonly Dictionary<string, AuditEntry> entries = new(StringComparer.Ordinal);

    public IReadOnlyList<AuditEntry> All
    {
        get
        {
            lock (sync)
            {
                return [.. Ordered()];
            }
        }
    }

    public Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        lock (sync)
        {
            entries[entry.Id] = entry;
        }

        return Task.CompletedTask;
    }

    public Task<AuditPage> ReadAsync(int page, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        lock (sync)
        {
            var all = Ordered().ToList();
            return Task.FromResult(new AuditPage(
                [.. all.Skip((page - 1) * pageSize).Take(pageSize)],
                all.Count,
                all.Where(e => e.Outcome == AuditOutcome.Deleted).Sum(e => e.SizeBytes),
                all.Where(e => e.Outcome == AuditOutcome.WouldDelete).Sum(e => e.SizeBytes)));
        }
    }

    private IEnumerable<AuditEntry> Ordered() => entries.Values.OrderByDescending(e => e.At).ThenBy(e => e.Id, StringComparer.Ordinal);
}
