using Cleanup.Engine.Jobs;

namespace Cleanup.Engine.Ports;

/// <summary>Recent jobs. Keeps the last <see cref="Retained"/> (older ones are dropped on save).</summary>
public interface IJobStore
{
    const int Retained = 100;

    /// <summary>Inserts or replaces the job with this id.</summary>
    Task SaveAsync(Job job, CancellationToken cancellationToken);

    Task<Job?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Newest first (by <see cref="Job.StartedAt"/>), at most <see cref="Retained"/>.</summary>
    Task<IReadOnlyList<Job>> ListAsync(CancellationToken cancellationToken);
}
