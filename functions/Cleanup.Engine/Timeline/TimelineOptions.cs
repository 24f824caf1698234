using Cleanup.Engine.Rules;

namespace Cleanup.Engine.Timeline;

/// <summary>When items show as leaving soon and how long they are shown before deletion.</summary>
public sealed record TimelineOptions
{
    /// <summary>An item is leaving soon once it is due within this window (inclusive).</summary>
    public RetentionPeriod LeavingSoonWindow { get; init; } = RetentionPeriod.Days(14);

    /// <summary>
    /// How long an item is shown as leaving soon, at least, before it is deleted, counted from when it was first flagged:
    /// deletion date = max(due date, flagged at + grace period).
    /// </summary>
    public RetentionPeriod GracePeriod { get; init; } = RetentionPeriod.Days(14);
}
