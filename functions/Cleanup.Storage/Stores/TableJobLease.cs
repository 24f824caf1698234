using Cleanup.Engine.Ports;
using Cleanup.Storage.Tables;

namespace Cleanup.Storage.Stores;

/// <summary>
/// Workflow leases in the "Leases" table, one entity per workflow name holding the job id and an expiry. Taking a
/// free lease is an insert (only one of several racing inserts succeeds); taking an expired one, renewing and
/// releasing are ETag-guarded, so whoever read an older version loses. Expiry is judged on this process's
/// <see cref="TimeProvider"/>, so hosts sharing a table need roughly synchronised clocks (the ttl is minutes,
/// skew is seconds). Not re-entrant: a job asking again for the lease it holds is refused, like the in-memory lease.
/// </summary>
public sealed class TableJobLease(TableClient table, TimeProvider timeProvider) : IJobLease
{
    public const string TableName = "Leases";
    private const string Partition = "lease";
    private const string JobIdProperty = "JobId";
    private const string UntilProperty = "Until";

    // Each retry follows a change by another process; more than a few in a row means something is wrong.
    private const int MaxAttempts = 20;

    public async Task<LeaseResult> TryAcquireAsync(string workflowName, string jobId, TimeSpan ttl, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(jobId);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ttl, TimeSpan.Zero);
        var row = Row(workflowName);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var now = timeProvider.GetUtcNow();
            try
            {
                await table.AddEntityAsync(Entity(row, jobId, now + ttl), cancellationToken).ConfigureAwait(false);
                return new LeaseResult(true, jobId);
            }
            catch (TableConflictException)
            {
                // Someone holds it, or held it and did not release it.
            }

            var held = await table.GetEntityAsync(Partition, row, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (held is null) continue; // released in between: insert again

            var holder = held.GetString(JobIdProperty) ?? string.Empty;
            if (held.GetDateTimeOffset(UntilProperty) > now) return new LeaseResult(false, holder);

            try
            {
                await table.UpdateEntityAsync(Entity(row, jobId, now + ttl), held.ETag!, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                return new LeaseResult(true, jobId);
            }
            catch (TableConflictException)
            {
                // Another process took over the expired lease first: read who holds it now.
            }
            catch (TableRequestException ex) when (IsMissing(ex))
            {
                // Released in between: try to insert again.
            }
        }

        throw new InvalidOperationException($"The lease of workflow '{workflowName}' kept changing; gave up after {MaxAttempts} attempts.");
    }

    public async Task<bool> RenewAsync(string workflowName, string jobId, TimeSpan ttl, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ttl, TimeSpan.Zero);
        var row = Row(workflowName);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var now = timeProvider.GetUtcNow();
            var held = await table.GetEntityAsync(Partition, row, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (held is null || held.GetString(JobIdProperty) != jobId || !(held.GetDateTimeOffset(UntilProperty) > now)) return false;

            try
            {
                await table.UpdateEntityAsync(Entity(row, jobId, now + ttl), held.ETag!, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (TableConflictException)
            {
                // Changed since read (another renewal of ours, or a take-over): judge again on the new version.
            }
            catch (TableRequestException ex) when (IsMissing(ex))
            {
                return false;
            }
        }

        return false;
    }

    public async Task ReleaseAsync(string workflowName, string jobId, CancellationToken cancellationToken)
    {
        var row = Row(workflowName);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var held = await table.GetEntityAsync(Partition, row, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (held is null || held.GetString(JobIdProperty) != jobId) return;

            try
            {
                await table.DeleteEntityAsync(Partition, row, held.ETag!, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (TableConflictException)
            {
                // Changed since read: release only if it is still ours.
            }
        }
    }

    private static string Row(string workflowName)
    {
        ArgumentException.ThrowIfNullOrEmpty(workflowName);
        return StoreKeys.Escape(workflowName);
    }

    private static TableEntity Entity(string row, string jobId, DateTimeOffset until) =>
        new(Partition, row) { [JobIdProperty] = jobId, [UntilProperty] = until };

    private static bool IsMissing(TableRequestException ex) => ex.Status == 404 && ex.ErrorCode != "TableNotFound";
}
