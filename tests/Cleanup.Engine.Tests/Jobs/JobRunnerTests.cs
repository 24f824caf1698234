using Cleanup.Engine.Jobs;
using Cleanup.Engine.Jobs.InMemory;
using Cleanup.Engine.Ports;
using Cleanup.Engine.Tests.Workflows.Support;
using Cleanup.Engine.Workflows;

namespace Cleanup.Engine.Tests.Jobs;

public sealed class JobRunnerTests : IAsyncDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly ManualTimeProvider clock = new(Start);
    private readonly InMemoryJobStore store = new();
    private readonly FakeEvaluation evaluation = new();
    private readonly TaskCompletionSource gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly FakeCatalog catalog = new();
    private readonly JobRunner runner;
    private readonly IJobLease lease;
    private int ids;

    public JobRunnerTests()
        : this(null)
    {
    }

    private JobRunnerTests(IJobLease? lease)
    {
        this.lease = lease ?? new InMemoryJobLease(clock);
        catalog.Movies.Add(new FakeRadarr());
        var services = new TestServices()
            .Add<IServiceCatalog>(catalog)
            .Add<TimeProvider>(clock)
            .Add<ISnapshotStore>(new Cleanup.Engine.Workflows.InMemory.InMemorySnapshotStore())
            .Add<ISourceHealthStore>(new Cleanup.Engine.Deletion.InMemory.InMemorySourceHealthStore())
            .Add(new Cleanup.Engine.Deletion.DeletionOptions())
            .Add<ILibraryEvaluation>(new GatedEvaluation(evaluation, gate.Task))
            .Add<ILeavingSoonSource>(new FakeLeavingSoon())
            .Add<INotificationSender>(new RecordingSender())
            .Add<INotificationLedger>(new Cleanup.Engine.Notifications.InMemory.InMemoryNotificationLedger())
            .Add(Cleanup.Engine.Notifications.NotificationSchedule.Default)
            .Add(new LeavingSoonCollectionOptions());
        runner = new JobRunner(store, this.lease, new ActivityRegistry().AddCleanupActivities(), services, clock, newJobId: () => $"job-{++ids}");
    }

    [Fact]
    public async Task A_started_job_runs_to_completion_with_its_sources_and_progress()
    {
        var started = await runner.StartAsync(new JobRequest(JobKind.FullSync, JobTrigger.User, "user:anna"), default);
        Assert.True(started.Started);
        Assert.Equal(JobStatus.Running, (await store.GetAsync("job-1", default))!.Status);

        gate.SetResult();
        await runner.WhenIdleAsync();

        var job = (await store.GetAsync("job-1", default))!;
        Assert.Equal(JobStatus.Completed, job.Status);
        Assert.Equal(JobTrigger.User, job.Trigger);
        Assert.Equal("user:anna", job.Actor);
        Assert.Equal(Start, job.FinishedAt);
        Assert.Equal("radarr", Assert.Single(job.Sources).Name);
        Assert.Equal(new JobProgress("Done", 3, 3), job.Progress);
    }

    [Fact]
    public async Task A_second_trigger_while_running_gets_the_running_job()
    {
        var first = await runner.StartAsync(new JobRequest(JobKind.FullSync, JobTrigger.Schedule, "schedule"), default);

        var second = await runner.StartAsync(new JobRequest(JobKind.FullSync, JobTrigger.User, "user:anna"), default);

        Assert.False(second.Started);
        Assert.Equal(first.Job.Id, second.Job.Id);
        Assert.Single(await store.ListAsync(default));

        gate.SetResult();
        await runner.WhenIdleAsync();
        var third = await runner.StartAsync(new JobRequest(JobKind.FullSync, JobTrigger.User, "user:anna"), default);
        Assert.True(third.Started); // the lease was released when the first run ended
    }

    [Fact]
    public async Task Different_workflows_run_side_by_side()
    {
        await runner.StartAsync(new JobRequest(JobKind.FullSync, JobTrigger.Schedule, "schedule"), default);

        var incremental = await runner.StartAsync(new JobRequest(JobKind.IncrementalSync, JobTrigger.Schedule, "schedule"), default);

        Assert.True(incremental.Started);
        gate.SetResult();
        await runner.WhenIdleAsync();
    }

    [Fact]
    public async Task A_failing_workflow_fails_the_job_with_the_reason()
    {
        var failing = new JobRunner(store, lease, new ActivityRegistry().AddCleanupActivities(), new TestServices().Add<TimeProvider>(clock), clock, newJobId: () => "job-x");

        await failing.StartAsync(new JobRequest(JobKind.FullSync, JobTrigger.Schedule, "schedule"), default);
        await clock.AdvanceUntilAsync(() => failing.Running.Count == 0); // through the retries' back-off
        await failing.WhenIdleAsync();

        var job = (await store.GetAsync("job-x", default))!;
        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.Contains(job.Errors, e => e.Contains("IServiceCatalog is not registered", StringComparison.Ordinal));
        Assert.True((await lease.TryAcquireAsync(FullSyncWorkflow.Name, "probe", TimeSpan.FromMinutes(1), default)).Acquired);
    }

    [Fact]
    public async Task A_run_that_loses_its_lease_is_stopped()
    {
        var losing = new LosingLease(new InMemoryJobLease(clock));
        await using var test = new JobRunnerTests(losing);

        await test.runner.StartAsync(new JobRequest(JobKind.FullSync, JobTrigger.Schedule, "schedule"), default);
        await test.clock.WaitForTimersAsync();
        losing.Lost = true;
        test.clock.Advance(new JobRunnerOptions().RenewEvery);
        await test.runner.WhenIdleAsync();

        var job = (await test.store.GetAsync("job-1", default))!;
        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.Contains(job.Errors, e => e.Contains("lost its lease", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Jobs_left_running_by_a_dead_process_are_marked_interrupted_by_the_next_run()
    {
        await store.SaveAsync(new Job("old", JobKind.FullSync, JobStatus.Running, JobTrigger.Schedule, Start.AddHours(-3), null, null, [], []), default);

        await runner.StartAsync(new JobRequest(JobKind.FullSync, JobTrigger.Schedule, "schedule"), default);

        var old = (await store.GetAsync("old", default))!;
        Assert.Equal(JobStatus.Failed, old.Status);
        Assert.Contains("interrupted", Assert.Single(old.Errors), StringComparison.Ordinal);
        gate.SetResult();
        await runner.WhenIdleAsync();
    }

    public async ValueTask DisposeAsync()
    {
        gate.TrySetResult();
        await runner.DisposeAsync();
    }

    /// <summary>Evaluation that waits for the test to let it finish, so a run can be caught while running.</summary>
    private sealed class GatedEvaluation(FakeEvaluation inner, Task gate) : ILibraryEvaluation
    {
        public async Task<EvaluationSummary> UnifyAndEvaluateAsync(EvaluateInput input, CancellationToken cancellationToken)
        {
            await gate.WaitAsync(cancellationToken);
            return await inner.UnifyAndEvaluateAsync(input, cancellationToken);
        }

        public async Task<EvaluationSummary> ApplyWatchChangesAsync(ApplyWatchChangesInput input, CancellationToken cancellationToken)
        {
            await gate.WaitAsync(cancellationToken);
            return await inner.ApplyWatchChangesAsync(input, cancellationToken);
        }

        public Task<PersistSummary> PersistChangesAsync(PersistInput input, CancellationToken cancellationToken) => inner.PersistChangesAsync(input, cancellationToken);
    }

    private sealed class LosingLease(IJobLease inner) : IJobLease
    {
        public bool Lost { get; set; }

        public Task<LeaseResult> TryAcquireAsync(string workflowName, string jobId, TimeSpan ttl, CancellationToken cancellationToken) =>
            inner.TryAcquireAsync(workflowName, jobId, ttl, cancellationToken);

        public Task<bool> RenewAsync(string workflowName, string jobId, TimeSpan ttl, CancellationToken cancellationToken) =>
            Lost ? Task.FromResult(false) : inner.RenewAsync(workflowName, jobId, ttl, cancellationToken);

        public Task ReleaseAsync(string workflowName, string jobId, CancellationToken cancellationToken) =>
            inner.ReleaseAsync(workflowName, jobId, cancellationToken);
    }
}
