namespace Cleanup.Engine.Jobs;

/// <summary>When a workflow runs on its own: the next occurrence strictly after a given instant (null = never).</summary>
/// <param name="Expression">The configured expression, for display.</param>
public sealed record WorkflowSchedule(JobKind Kind, string Expression, Func<DateTimeOffset, DateTimeOffset?> NextAfter);

/// <summary>
/// Starts scheduled jobs at their times, on the <see cref="TimeProvider"/>'s clock (the self-host's counterpart of
/// the Functions timer triggers). A start refused because the workflow is still running is reported and skipped,
/// like a singleton timer. After a long pause (sleep, clock jump) each schedule fires once, not once per missed slot.
/// </summary>
public sealed class WorkflowScheduler(
    IEnumerable<WorkflowSchedule> schedules,
    Ports.IJobStarter starter,
    TimeProvider timeProvider,
    Action<WorkflowSchedule, JobStartResult?, Exception?>? onFired = null)
{
    /// <summary>Longest single wait, so a wall-clock change is noticed within it.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(5);

    private readonly IReadOnlyList<WorkflowSchedule> schedules = [.. schedules];

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var start = timeProvider.GetUtcNow();
        var next = schedules.Select(s => s.NextAfter(start)).ToArray();
        while (!cancellationToken.IsCancellationRequested)
        {
            var due = next.Where(n => n is not null).Min();
            if (due is null)
            {
                return; // nothing is scheduled
            }

            var wait = due.Value - timeProvider.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait < MaxWait ? wait : MaxWait, timeProvider, cancellationToken).ConfigureAwait(false);
                continue;
            }

            var now = timeProvider.GetUtcNow();
            for (var i = 0; i < schedules.Count; i++)
            {
                if (next[i] is { } at && at <= now)
                {
                    await FireAsync(schedules[i], cancellationToken).ConfigureAwait(false);
                    next[i] = schedules[i].NextAfter(now);
                }
            }
        }
    }

    private async Task FireAsync(WorkflowSchedule schedule, CancellationToken cancellationToken)
    {
        try
        {
            var result = await starter.StartAsync(new JobRequest(schedule.Kind, JobTrigger.Schedule, "schedule"), cancellationToken).ConfigureAwait(false);
            onFired?.Invoke(schedule, result, null);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            onFired?.Invoke(schedule, null, ex); // one failed start must not stop the schedule
        }
    }
}
