namespace Cleanup.Engine.Workflows;

/// <summary>
/// How often to run an activity that throws. Maps 1:1 onto Durable's
/// <c>RetryPolicy(maxNumberOfAttempts, firstRetryInterval, backoffCoefficient, maxRetryInterval)</c>.
/// </summary>
/// <param name="MaxAttempts">Attempts in total, including the first (1 = no retry).</param>
/// <param name="FirstInterval">Wait before the second attempt.</param>
/// <param name="Backoff">Each further wait is the previous one times this.</param>
/// <param name="MaxInterval">Upper bound of a single wait; null = unbounded.</param>
public sealed record ActivityRetry(int MaxAttempts, TimeSpan FirstInterval, double Backoff = 2.0, TimeSpan? MaxInterval = null)
{
    /// <summary>One attempt only: for steps that must not repeat blindly.</summary>
    public static ActivityRetry None { get; } = new(1, TimeSpan.Zero, 1.0);

    /// <summary>Three attempts, 5 s then 10 s apart: for reads and idempotent writes.</summary>
    public static ActivityRetry Standard { get; } = new(3, TimeSpan.FromSeconds(5), 2.0, TimeSpan.FromMinutes(1));

    /// <summary>The wait after failed attempt number <paramref name="attempt"/> (1-based).</summary>
    public TimeSpan DelayAfter(int attempt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        var ticks = FirstInterval.Ticks * Math.Pow(Backoff, attempt - 1);
        var max = MaxInterval?.Ticks ?? TimeSpan.MaxValue.Ticks;
        return TimeSpan.FromTicks((long)Math.Min(ticks, max));
    }
}
