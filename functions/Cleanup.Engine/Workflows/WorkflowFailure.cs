using Cleanup.Engine.Jobs;

namespace Cleanup.Engine.Workflows;

internal static class WorkflowFailure
{
    /// <summary>Tells the owner a run failed; a failure to notify must not hide the original failure.</summary>
    public static async Task NotifyAsync(IWorkflowContext context, JobKind kind, Exception failure)
    {
        try
        {
            await context.CallActivityAsync<NotifySummary>(ActivityNames.NotifyRunFailed, new NotifyRunFailedInput(context.InstanceId, kind, failure.Message));
        }
        catch (Exception)
        {
            // The run's own failure is what gets reported.
        }
    }
}
