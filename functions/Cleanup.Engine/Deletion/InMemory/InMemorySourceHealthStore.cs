using System.Collections.Concurrent;
using Cleanup.Engine.Ports;

namespace Cleanup.Engine.Deletion.InMemory;

public sealed class InMemorySourceHealthStore : ISourceHealthStore
{
    private readonly ConcurrentDictionary<string, SourceHealth> records = new(StringComparer.OrdinalIgnoreCase);

    public Task<IReadOnlyList<SourceHealth>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SourceHealth>>([.. records.Values.OrderBy(r => r.Source, StringComparer.Ordinal)]);

    public Task SaveAsync(IReadOnlyList<SourceHealth> records, CancellationToken cancellationToken)
    {
        foreach (var record in records)
        {
            this.records[record.Source] = record;
        }

        return Task.CompletedTask;
    }
}
