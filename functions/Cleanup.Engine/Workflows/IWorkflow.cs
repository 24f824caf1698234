namespace Cleanup.Engine.Workflows;

/// <summary>
/// A workflow: a short deterministic script of activity calls. It runs unchanged as a Durable orchestration
/// (<c>new XWorkflow().RunAsync(new DurableWorkflowContext(ctx), ctx.GetInput&lt;TInput&gt;()!)</c>) and in process.
/// </summary>
public interface IWorkflow<TInput, TOutput>
{
    /// <summary>The orchestration name, and the name of the workflow's lease.</summary>
    static abstract string Name { get; }

    Task<TOutput> RunAsync(IWorkflowContext context, TInput input);
}
