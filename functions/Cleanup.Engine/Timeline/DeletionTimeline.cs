using Cleanup.Engine.Evaluation;

namespace Cleanup.Engine.Timeline;

/// <summary>Where a due date puts an item on the timeline.</summary>
public readonly record struct TimelinePlacement(
    DecisionStatus Status,
    DateTimeOffset? FlaggedAt,
    DateTimeOffset? DeletionDate,
    bool GraceExtended);

/// <summary>
/// The leaving-soon timeline. An item is leaving soon once its due date is within the window (the edge included). The
/// grace period counts from when it was first flagged, so nothing is deleted before it has been shown for the whole
/// grace period, even when it was already overdue when first seen: deletion date = max(due date, flagged at + grace).
/// </summary>
public static class DeletionTimeline
{
    /// <param name="dueDate">When the rule makes the item due.</param>
    /// <param name="previouslyFlaggedAt">When it was first flagged, from the previous run; null when it was not.</param>
    public static TimelinePlacement Place(
        DateTimeOffset dueDate,
        DateTimeOffset? previouslyFlaggedAt,
        DateTimeOffset now,
        TimeSpan leavingSoonWindow,
        TimeSpan gracePeriod)
    {
        if (dueDate > AddSafely(now, leavingSoonWindow))
        {
            return new TimelinePlacement(DecisionStatus.NotDue, null, null, false);
        }

        var flaggedAt = previouslyFlaggedAt ?? now;
        var graceEnds = AddSafely(flaggedAt, gracePeriod);
        var deletion = graceEnds > dueDate ? graceEnds : dueDate;
        var status = deletion <= now ? DecisionStatus.Due : DecisionStatus.LeavingSoon;
        return new TimelinePlacement(status, flaggedAt, deletion, graceEnds > dueDate);
    }

    internal static DateTimeOffset AddSafely(DateTimeOffset date, TimeSpan span) =>
        span > TimeSpan.Zero && DateTimeOffset.MaxValue - date < span ? DateTimeOffset.MaxValue
        : span < TimeSpan.Zero && date - DateTimeOffset.MinValue < -span ? DateTimeOffset.MinValue
        : date + span;
}
