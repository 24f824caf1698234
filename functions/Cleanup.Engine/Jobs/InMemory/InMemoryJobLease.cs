using Cleanup.Engine.Ports;

namespace Cleanup.Engine.Jobs.InMemory;

/// <summary>Leases within one process, expiring on the <see cref="TimeProvider"/>'s clock.</summary>
public sealed class InMemoryJobLease(TimeProvider timeProvider) : IJobLease
{
    private readonly Lock sync = new();
    private readonly Dictionary<string, (string JobId, DateTimeOffset Until)> leases = new(StringComparer.Ordinal);

    public Task<LeaseResult> TryAcquireAsync(string workflowName, string jobId, TimeSpan ttl, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        lock (sync)
        {
            if (leases.TryGetValue(workflowName, out var held) && held.Until > now)
            {
                return Task.FromResult(new LeaseResult(false, held.JobId));
            }

            leases[workflowName] = (jobId, now + ttl);
            return Task.FromResult(new LeaseResult(true, jobId));
        }
    }

    public Task<bool> RenewAsync(string workflowName, string jobId, TimeSpan ttl, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        lock (sync)
        {
            if (leases.TryGetValue(workflowName, out var held) && held.JobId == jobId && held.Until > now)
            {
                leases[workflowName] = (jobId, now + ttl);
                return Task.FromResult(true);
            }

            return Task.FromResult(false);
        }
    }

    public Task ReleaseAsync(string workflowName, string jobId, CancellationToken cancellationToken)
    {
        lock (sync)
        {
            if (leases.TryGetValue(workflowName, out var held) && held.JobId == jobId)
            {
                leases.Remove(workflowName);
            }
        }

        return Task.CompletedTask;
    }
}
