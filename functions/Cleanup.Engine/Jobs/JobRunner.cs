using System.Collections.Concurrent;
using Cleanup.Engine.Ports;
using Cleanup.Engine.Workflows;

namespace Cleanup.Engine.Jobs;

/// <summary>
/// Runs workflows as jobs inside this process (the self-host). A job starts only when it takes its workflow's
/// lease, so two triggers or two processes never run the same workflow at once: the second gets the running job.
/// The lease is renewed while the run goes on; a run that loses it is cancelled. Job ids are made here, outside
/// the workflow.
/// </summary>
public sealed class JobRunner : IJobStarter, IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Task> running = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly IJobStore jobs;
    private readonly IJobLease lease;
    private readonly ActivityRegistry activities;
    private readonly IServiceProvider services;
    private readonly TimeProvider timeProvider;
    private readonly JobRunnerOptions options;
    private readonly Func<string> newJobId;

    public JobRunner(
        IJobStore jobs,
        IJobLease lease,
        ActivityRegistry activities,
        IServiceProvider services,
        TimeProvider timeProvider,
        JobRunnerOptions? options = null,
        Func<string>? newJobId = null)
    {
        this.jobs = jobs;
        this.lease = lease;
        this.activities = activities;
        this.services = services;
        this.timeProvider = timeProvider;
        this.options = options ?? new JobRunnerOptions();
        this.newJobId = newJobId ?? (() => Guid.NewGuid().ToString("N"));
    }

    /// <summary>Ids of the jobs this process is running now.</summary>
    public IReadOnlyCollection<string> Running => [.. running.Keys];

    public async Task<JobStartResult> StartAsync(JobRequest request, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(stopping.IsCancellationRequested, this);
        var workflow = WorkflowDispatch.NameOf(request.Kind);
        var id = newJobId();
        var taken = await lease.TryAcquireAsync(workflow, id, options.LeaseDuration, cancellationToken).ConfigureAwait(false);
        if (!taken.Acquired)
        {
            var holder = await jobs.GetAsync(taken.HolderJobId, cancellationToken).ConfigureAwait(false)
                ?? new Job(taken.HolderJobId, request.Kind, JobStatus.Running, request.Trigger, timeProvider.GetUtcNow(), null, null, [], []);
            return new JobStartResult(false, holder);
        }

        var job = new Job(id, request.Kind, JobStatus.Running, request.Trigger, timeProvider.GetUtcNow(), null, new JobProgress("Starting", 0, 0), [], [])
        {
            Actor = request.Actor,
        };
        var tracker = new JobTracker(job, jobs, options.OnBackgroundError);
        try
        {
            await tracker.SaveAsync(cancellationToken).ConfigureAwait(false);
            await MarkInterruptedAsync(request.Kind, id, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await lease.ReleaseAsync(workflow, id, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        var run = RunAsync(request, workflow, tracker);
        running[id] = run;
        _ = run.ContinueWith(_ => running.TryRemove(id, out Task? _), TaskScheduler.Default);
        return new JobStartResult(true, job);
    }

    /// <summary>Completes when every job running now has finished (tests, graceful shutdown).</summary>
    public Task WhenIdleAsync() => Task.WhenAll(running.Values);

    /// <summary>Cancels running jobs (they end as failed, "stopped") and waits for them.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!stopping.IsCancellationRequested)
        {
            await stopping.CancelAsync().ConfigureAwait(false);
        }

        await WhenIdleAsync().ConfigureAwait(false);
        stopping.Dispose();
    }

    private async Task RunAsync(JobRequest request, string workflow, JobTracker tracker)
    {
        await Task.Yield(); // the caller gets its answer before the run starts
        var id = tracker.Current.Id;
        using var run = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token);
        var leaseLost = false;
        var renewal = KeepLeaseAsync(workflow, id, run, () => leaseLost = true);
        try
        {
            var context = new InProcessWorkflowContext(id, activities, services, timeProvider, tracker.Progress, run.Token);
            var report = await WorkflowDispatch.RunAsync(request, context).ConfigureAwait(false);
            tracker.Update(j => j with
            {
                Status = JobStatus.Completed, FinishedAt = timeProvider.GetUtcNow(), Sources = report.Sources, Errors = report.Errors,
            });
        }
        catch (Exception ex)
        {
            var reason = leaseLost ? "stopped: the run lost its lease (another process may have taken over)"
                : stopping.IsCancellationRequested ? "stopped: the host is shutting down"
                : ex.Message;
            tracker.Update(j => j with { Status = JobStatus.Failed, FinishedAt = timeProvider.GetUtcNow(), Errors = [.. j.Errors, reason] });
        }
        finally
        {
            await run.CancelAsync().ConfigureAwait(false);
            await renewal.ConfigureAwait(false);
            try
            {
                await tracker.SaveAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                options.OnBackgroundError?.Invoke($"Saving the result of job {id} failed.", ex);
            }

            try
            {
                await lease.ReleaseAsync(workflow, id, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                options.OnBackgroundError?.Invoke($"Releasing the lease of job {id} failed; it expires by itself.", ex);
            }
        }
    }

    private async Task KeepLeaseAsync(string workflow, string id, CancellationTokenSource run, Action onLost)
    {
        var renewed = timeProvider.GetUtcNow();
        try
        {
            while (true)
            {
                await Task.Delay(options.RenewEvery, timeProvider, run.Token).ConfigureAwait(false);
                try
                {
                    if (await lease.RenewAsync(workflow, id, options.LeaseDuration, run.Token).ConfigureAwait(false))
                    {
                        renewed = timeProvider.GetUtcNow();
                        continue;
                    }

                    options.OnBackgroundError?.Invoke($"Job {id} lost the {workflow} lease; stopping it.", null);
                }
                catch (Exception ex) when (!run.IsCancellationRequested)
                {
                    // A storage hiccup: keep trying while the lease surely still holds.
                    options.OnBackgroundError?.Invoke($"Renewing the {workflow} lease of job {id} failed.", ex);
                    if (timeProvider.GetUtcNow() - renewed < options.LeaseDuration - options.RenewEvery)
                    {
                        continue;
                    }
                }

                onLost();
                await run.CancelAsync().ConfigureAwait(false);
                return;
            }
        }
        catch (OperationCanceledException)
        {
            // The run ended.
        }
    }

    /// <summary>
    /// Jobs of this kind still marked running belong to a process that died: holding the lease proves nobody
    /// else runs this workflow now.
    /// </summary>
    private async Task MarkInterruptedAsync(JobKind kind, string currentId, CancellationToken cancellationToken)
    {
        foreach (var stale in (await jobs.ListAsync(cancellationToken).ConfigureAwait(false))
                     .Where(j => j.Kind == kind && j.Id != currentId && !j.IsFinished))
        {
            await jobs.SaveAsync(
                stale with { Status = JobStatus.Failed, FinishedAt = timeProvider.GetUtcNow(), Errors = [.. stale.Errors, "interrupted: the process running it stopped"] },
                cancellationToken).ConfigureAwait(false);
        }
    }
}
