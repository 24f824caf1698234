using Cleanup.Engine.Jobs;

namespace Cleanup.Engine.Ports;

/// <summary>
/// Starts workflows as jobs. The self-host's <see cref="JobRunner"/> runs them in process; the Functions host
/// schedules Durable orchestrations. API handlers and the scheduler only see this.
/// </summary>
public interface IJobStarter
{
    Task<JobStartResult> StartAsync(JobRequest request, CancellationToken cancellationToken);
}
