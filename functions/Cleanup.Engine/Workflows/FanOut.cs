namespace Cleanup.Engine.Workflows;

/// <summary>Fan-out helpers that stay deterministic (Durable replays <c>Task.WhenAny</c> over activity tasks faithfully).</summary>
public static class FanOut
{
    /// <summary>Awaits every call, reporting progress as each finishes; results keep the calls' order.</summary>
    public static async Task<TOutput[]> WhenAllAsync<TOutput>(IWorkflowContext context, string step, IReadOnlyList<Task<TOutput>> calls)
    {
        var pending = new List<Task<TOutput>>(calls);
        context.SetProgress(step, 0, calls.Count);
        while (pending.Count > 0)
        {
            var finished = await Task.WhenAny(pending);
            pending.Remove(finished);
            context.SetProgress(step, calls.Count - pending.Count, calls.Count);
        }

        return await Task.WhenAll(calls);
    }
}
