using Cleanup.Engine.Jobs;
using Cleanup.Engine.Ports;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cleanup.Api.Jobs;

/// <summary>Hosts <see cref="WorkflowScheduler"/> in the self-host (the Functions host uses timer triggers instead).</summary>
public sealed partial class ScheduledWorkflowsService(
    ScheduleOptions options,
    IJobStarter starter,
    TimeProvider timeProvider,
    ILogger<ScheduledWorkflowsService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var schedules = options.ToSchedules();
        foreach (var schedule in schedules)
        {
            LogSchedule(schedule.Kind, schedule.Expression);
        }

        var scheduler = new WorkflowScheduler(schedules, starter, timeProvider, Report);
        try
        {
            await scheduler.RunAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // shutting down
        }
    }

    private void Report(WorkflowSchedule schedule, JobStartResult? result, Exception? error)
    {
        if (error is not null)
        {
            LogStartFailed(error, schedule.Kind);
        }
        else if (result is { Started: false })
        {
            LogStillRunning(schedule.Kind, result.Job.Id);
        }
        else if (result is not null)
        {
            LogStarted(schedule.Kind, result.Job.Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Kind} runs on schedule '{Expression}' (UTC)")]
    private partial void LogSchedule(JobKind kind, string expression);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled {Kind} started as job {JobId}")]
    private partial void LogStarted(JobKind kind, string jobId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled {Kind} skipped: job {JobId} is still running")]
    private partial void LogStillRunning(JobKind kind, string jobId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled {Kind} could not start")]
    private partial void LogStartFailed(Exception error, JobKind kind);
}
