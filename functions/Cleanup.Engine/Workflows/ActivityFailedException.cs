namespace Cleanup.Engine.Workflows;

/// <summary>An activity that still threw after its retries (Durable's <c>TaskFailedException</c> plays this role there).</summary>
public sealed class ActivityFailedException(string activity, int attempts, string reason, Exception? inner = null)
    : Exception($"Activity '{activity}' failed after {attempts} attempt(s): {reason}", inner)
{
    public string Activity { get; } = activity;

    public int Attempts { get; } = attempts;

    public string Reason { get; } = reason;
}
