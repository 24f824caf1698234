using Cleanup.Api.Jobs;
using Cleanup.Engine.Jobs;
using Cleanup.Engine.Workflows;
using Microsoft.DurableTask;

namespace Cleanup.FunctionsHost.Workflows;

/// <summary>
/// The engine's workflow port over Durable's orchestration context. Replay-safe by construction: time comes from
/// <see cref="TaskOrchestrationContext.CurrentUtcDateTime"/>, retries are Durable's, progress is the custom status.
/// </summary>
internal sealed class DurableWorkflowContext : IWorkflowContext
{
    private readonly TaskOrchestrationContext context;

    public DurableWorkflowContext(TaskOrchestrationContext context)
    {
        this.context = context;

        // Read before the first await, this is the run's start and the same on every replay; it makes the run id
        // unique although the instance id is fixed (see OrchestratedRuns).
        InstanceId = OrchestratedRuns.RunIdOf(context.InstanceId, Utc(context.CurrentUtcDateTime));
    }

    /// <summary>The run id (not Durable's fixed instance id): audit lines, the ledger and snapshots are keyed by it.</summary>
    public string InstanceId { get; }

    public DateTimeOffset CurrentUtcDateTime => Utc(context.CurrentUtcDateTime);

    public Task<TOutput> CallActivityAsync<TOutput>(string name, object? input = null, ActivityRetry? retry = null) =>
        context.CallActivityAsync<TOutput>(name, input, OptionsOf(retry));

    public void SetProgress(string step, int done, int total) => context.SetCustomStatus(new JobProgress(step, done, total));

    /// <summary>
    /// ActivityRetry maps 1:1 onto Durable's RetryPolicy, which refuses a non-positive first interval, a backoff
    /// below 1 and a maximum below the first interval: those are clamped rather than failing the run.
    /// </summary>
    private static TaskOptions? OptionsOf(ActivityRetry? retry)
    {
        if (retry is null || retry.MaxAttempts <= 1)
        {
            return null;
        }

        var first = retry.FirstInterval > TimeSpan.Zero ? retry.FirstInterval : TimeSpan.FromSeconds(1);
        var max = retry.MaxInterval is { } m && m < first ? first : retry.MaxInterval;
        return TaskOptions.FromRetryPolicy(new RetryPolicy(retry.MaxAttempts, first, Math.Max(1.0, retry.Backoff), max));
    }

    private static DateTimeOffset Utc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
}
