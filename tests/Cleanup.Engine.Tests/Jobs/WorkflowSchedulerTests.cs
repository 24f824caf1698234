using Cleanup.Engine.Jobs;
using Cleanup.Engine.Ports;
using Cleanup.Engine.Tests.Workflows.Support;

namespace Cleanup.Engine.Tests.Jobs;

public sealed class WorkflowSchedulerTests
{
    private static readonly DateTimeOffset Start = new(2026, 5, 1, 0, 0, 30, TimeSpan.Zero);

    [Fact]
    public async Task Fires_each_schedule_at_its_times()
    {
        var clock = new ManualTimeProvider(Start);
        var starter = new RecordingStarter(clock);
        using var stop = new CancellationTokenSource();
        var scheduler = new WorkflowScheduler([Every(JobKind.FullSync, TimeSpan.FromHours(1)), Every(JobKind.IncrementalSync, TimeSpan.FromMinutes(15))], starter, clock);

        var run = scheduler.RunAsync(stop.Token);
        await clock.AdvanceUntilAsync(() => starter.Started.Count >= 8);

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Equal(
            [
                "IncrementalSync 00:15", "IncrementalSync 00:30", "IncrementalSync 00:45",
                "FullSync 01:00", "IncrementalSync 01:00", "IncrementalSync 01:15", "IncrementalSync 01:30", "IncrementalSync 01:45",
            ],
            starter.Started.Take(8));
        Assert.All(starter.Requests, r => Assert.Equal(JobTrigger.Schedule, r.Trigger));
    }

    [Fact]
    public async Task After_a_long_pause_a_schedule_fires_once_not_once_per_missed_slot()
    {
        var clock = new ManualTimeProvider(Start);
        var starter = new RecordingStarter(clock);
        using var stop = new CancellationTokenSource();
        var scheduler = new WorkflowScheduler([Every(JobKind.IncrementalSync, TimeSpan.FromMinutes(15))], starter, clock);

        var run = scheduler.RunAsync(stop.Token);
        await clock.WaitForTimersAsync();
        clock.Jump(TimeSpan.FromHours(3)); // the machine slept; its timer fires late
        await clock.AdvanceUntilAsync(() => starter.Started.Count >= 2);

        Assert.Equal(["IncrementalSync 03:00", "IncrementalSync 03:15"], starter.Started); // then back on its slots
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }

    [Fact]
    public async Task A_start_that_fails_does_not_stop_the_schedule()
    {
        var clock = new ManualTimeProvider(Start);
        var starter = new RecordingStarter(clock) { FailFirst = true };
        var reported = new List<Exception?>();
        using var stop = new CancellationTokenSource();
        var scheduler = new WorkflowScheduler([Every(JobKind.Cleanup, TimeSpan.FromHours(1))], starter, clock, (_, _, ex) => reported.Add(ex));

        var run = scheduler.RunAsync(stop.Token);
        await clock.AdvanceUntilAsync(() => starter.Started.Count >= 1);

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Equal(["Cleanup 02:00"], starter.Started);
        Assert.IsType<InvalidOperationException>(reported[0]);
    }

    private static WorkflowSchedule Every(JobKind kind, TimeSpan period) =>
        new(kind, period.ToString(), after => new DateTimeOffset((after.UtcTicks / period.Ticks + 1) * period.Ticks, TimeSpan.Zero));

    private sealed class RecordingStarter(TimeProvider clock) : IJobStarter
    {
        public List<string> Started { get; } = [];

        public List<JobRequest> Requests { get; } = [];

        public bool FailFirst { get; set; }

        public Task<JobStartResult> StartAsync(JobRequest request, CancellationToken cancellationToken)
        {
            if (FailFirst)
            {
                FailFirst = false;
                throw new InvalidOperationException("storage down");
            }

            Started.Add($"{request.Kind} {clock.GetUtcNow():HH:mm}");
            Requests.Add(request);
            return Task.FromResult(new JobStartResult(true, new Job("j", request.Kind, JobStatus.Running, request.Trigger, clock.GetUtcNow(), null, null, [], [])));
        }
    }
}
