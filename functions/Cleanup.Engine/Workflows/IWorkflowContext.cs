namespace Cleanup.Engine.Workflows;

/// <summary>
/// What a workflow may touch. Durable Functions adapts <c>TaskOrchestrationContext</c> to it; the self-host runs
/// it in process. Workflow code must stay deterministic (no clock, GUID, random, I/O, delays or
/// <c>ConfigureAwait(false)</c>): everything else happens in activities.
/// </summary>
public interface IWorkflowContext
{
    /// <summary>The run's id (the job id; Durable's instance id).</summary>
    string InstanceId { get; }

    /// <summary>Replay-safe current time (Durable: <c>CurrentUtcDateTime</c>).</summary>
    DateTimeOffset CurrentUtcDateTime { get; }

    /// <summary>
    /// Runs the activity registered as <paramref name="name"/>. Inputs and outputs cross a serialization boundary
    /// (System.Text.Json, web defaults), so they must be small serializable records. Fan out by starting several
    /// calls and awaiting <c>Task.WhenAll</c>. Throws when the activity still fails after <paramref name="retry"/>.
    /// </summary>
    Task<TOutput> CallActivityAsync<TOutput>(string name, object? input = null, ActivityRetry? retry = null);

    /// <summary>Reports where the run is (Durable: <c>SetCustomStatus</c>; self-host: the job's progress).</summary>
    void SetProgress(string step, int done, int total);
}
