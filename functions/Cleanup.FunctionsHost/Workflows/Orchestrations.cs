using Cleanup.Api.Jobs;
using Cleanup.Engine.Deletion;
using Cleanup.Engine.Workflows;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Cleanup.FunctionsHost.Workflows;

/// <summary>
/// The engine's workflows as Durable orchestrations, unchanged: the adapter is the only Durable-specific part.
/// Function names are the workflows' names (<c>FullSyncWorkflow.Name</c>, ...), which <see cref="Jobs.DurableJobs"/>
/// schedules by; attributes need constants, hence the literals.
/// </summary>
public static class Orchestrations
{
    [Function("FullSync")]
    public static Task<SyncResult> RunFullSync([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new FullSyncWorkflow().RunAsync(
            new DurableWorkflowContext(context), context.GetInput<WorkflowRun<FullSyncInput>>()?.Input ?? new FullSyncInput());

    [Function("IncrementalSync")]
    public static Task<SyncResult> RunIncrementalSync([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new IncrementalSyncWorkflow().RunAsync(
            new DurableWorkflowContext(context), context.GetInput<WorkflowRun<IncrementalSyncInput>>()?.Input ?? new IncrementalSyncInput());

    [Function("Cleanup")]
    public static Task<CleanupResult> RunCleanup([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var run = context.GetInput<WorkflowRun<CleanupInput>>();
        return new CleanupWorkflow().RunAsync(new DurableWorkflowContext(context), run?.Input ?? new CleanupInput(run?.Actor ?? "schedule"));
    }
}
