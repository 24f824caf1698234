using Cleanup.Engine.Jobs;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Cleanup.FunctionsHost.Jobs;

/// <summary>
/// The schedules (six-field NCRONTAB, UTC, from app settings) start the workflows' orchestrations. A run that is
/// still going when its next slot comes is left alone and the slot skipped, like the self-host's scheduler.
/// </summary>
public sealed partial class ScheduledRuns(TimeProvider timeProvider, ILogger<ScheduledRuns> logger)
{
    [Function("FullSyncTimer")]
    public Task RunFullSync([TimerTrigger("%FullSyncSchedule%")] TimerInfo timer, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        StartAsync(JobKind.FullSync, client, context.CancellationToken);

    [Function("IncrementalSyncTimer")]
    public Task RunIncrementalSync([TimerTrigger("%IncrementalSyncSchedule%")] TimerInfo timer, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        StartAsync(JobKind.IncrementalSync, client, context.CancellationToken);

    [Function("CleanupTimer")]
    public Task RunCleanup([TimerTrigger("%CleanupSchedule%")] TimerInfo timer, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        StartAsync(JobKind.Cleanup, client, context.CancellationToken);

    private async Task StartAsync(JobKind kind, DurableTaskClient client, CancellationToken cancellationToken)
    {
        try
        {
            var result = await new DurableJobs(client, timeProvider).StartAsync(new JobRequest(kind, JobTrigger.Schedule, "schedule"), cancellationToken);
            if (result.Started)
            {
                LogStarted(kind, result.Job.Id);
            }
            else
            {
                LogStillRunning(kind, result.Job.Id);
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // One failed start must not fail the timer (it would only log the same error); the next slot tries again.
            LogStartFailed(ex, kind);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled {Kind} started as {InstanceId}")]
    private partial void LogStarted(JobKind kind, string instanceId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled {Kind} skipped: {InstanceId} is still running")]
    private partial void LogStillRunning(JobKind kind, string instanceId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled {Kind} could not start")]
    private partial void LogStartFailed(Exception error, JobKind kind);
}
