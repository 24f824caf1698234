namespace Cleanup.Engine.Ports;

/// <summary>
/// At most one run of a workflow at a time, across triggers and processes (a blob lease or an ETag-guarded
/// entity in storage). A lease that is not renewed expires after its ttl, so a crashed process frees it.
/// </summary>
public interface IJobLease
{
    /// <summary>Takes the lease for <paramref name="jobId"/>, or reports the job that holds it.</summary>
    Task<LeaseResult> TryAcquireAsync(string workflowName, string jobId, TimeSpan ttl, CancellationToken cancellationToken);

    /// <summary>Extends the lease; false when <paramref name="jobId"/> no longer holds it.</summary>
    Task<bool> RenewAsync(string workflowName, string jobId, TimeSpan ttl, CancellationToken cancellationToken);

    /// <summary>Frees the lease if <paramref name="jobId"/> holds it.</summary>
    Task ReleaseAsync(string workflowName, string jobId, CancellationToken cancellationToken);
}

/// <param name="Acquired">Whether the caller now holds the lease.</param>
/// <param name="HolderJobId">The job holding it: the caller's when acquired, the running one otherwise.</param>
public sealed record LeaseResult(bool Acquired, string HolderJobId);
