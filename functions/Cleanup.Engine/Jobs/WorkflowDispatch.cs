using Cleanup.Engine.Deletion;
using Cleanup.Engine.Workflows;

namespace Cleanup.Engine.Jobs;

/// <summary>Which workflow a job kind runs, and with what input.</summary>
public static class WorkflowDispatch
{
    /// <summary>The workflow's name: the orchestration name on Durable, the lease name everywhere.</summary>
    public static string NameOf(JobKind kind) => kind switch
    {
        JobKind.FullSync => FullSyncWorkflow.Name,
        JobKind.IncrementalSync => IncrementalSyncWorkflow.Name,
        JobKind.Cleanup => CleanupWorkflow.Name,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The input record the workflow of <paramref name="request"/> receives.</summary>
    public static object InputOf(JobRequest request) => request.Kind switch
    {
        JobKind.FullSync => request.Input as FullSyncInput ?? new FullSyncInput(),
        JobKind.IncrementalSync => request.Input as IncrementalSyncInput ?? new IncrementalSyncInput(),
        JobKind.Cleanup => request.Input as CleanupInput ?? new CleanupInput(request.Actor),
        _ => throw new ArgumentOutOfRangeException(nameof(request), request.Kind, null),
    };

    public static async Task<IJobReport> RunAsync(JobRequest request, IWorkflowContext context) => request.Kind switch
    {
        JobKind.FullSync => await new FullSyncWorkflow().RunAsync(context, (FullSyncInput)InputOf(request)).ConfigureAwait(false),
        JobKind.IncrementalSync => await new IncrementalSyncWorkflow().RunAsync(context, (IncrementalSyncInput)InputOf(request)).ConfigureAwait(false),
        JobKind.Cleanup => await new CleanupWorkflow().RunAsync(context, (CleanupInput)InputOf(request)).ConfigureAwait(false),
        _ => throw new ArgumentOutOfRangeException(nameof(request), request.Kind, null),
    };
}
