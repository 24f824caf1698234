using Cleanup.Engine.Ports;

namespace Cleanup.Engine.Jobs.InMemory;

/// <summary>Jobs in memory (tests, demo without storage). Keeps the newest <see cref="IJobStore.Retained"/>.</summary>
public sealed class InMemoryJobStore : IJobStore
{
    private readonly Lock sync = new();
    private readonly Dictionary<string, Job> jobs = new(StringComparer.Ordinal);

    public Task SaveAsync(Job job, CancellationToken cancellationToken)
    {
        lock (sync)
        {
            jobs[job.Id] = job;
            if (jobs.Count > IJobStore.Retained)
            {
                foreach (var old in Ordered().Skip(IJobStore.Retained).ToList())
                {
                    jobs.Remove(old.Id);
                }
            }
        }

        return Task.CompletedTask;
    }

    public Task<Job?> GetAsync(string id, CancellationToken cancellationToken)
    {
        lock (sync)
        {
            return Task.FromResult(jobs.GetValueOrDefault(id));
        }
    }

    public Task<IReadOnlyList<Job>> ListAsync(CancellationToken cancellationToken)
    {
        lock (sync)
        {
            return Task.FromResult<IReadOnlyList<Job>>(Ordered().ToList());
        }
    }

    private IEnumerable<Job> Ordered() => jobs.Values.OrderByDescending(j => j.StartedAt).ThenByDescending(j => j.Id, StringComparer.Ordinal);
}
