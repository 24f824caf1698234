using Cleanup.Engine.Library;
using Cleanup.Engine.Rules;

namespace Cleanup.Engine.Evaluation;

/// <summary>Writes a <see cref="DecisionTrace"/> as sentences.</summary>
internal static class DecisionExplainer
{
    public static IReadOnlyList<string> Explain(DecisionTrace trace)
    {
        var lines = new List<string>(6);
        var noun = trace.MediaType.ToString().ToLowerInvariant();

        if (trace.Rule is { } rule)
        {
            lines.Add(rule.Kind == RuleKind.Default
                ? $"No rule matched; {rule.Describe()} applies{Keep(trace)}."
                : $"Matched {rule.Describe()}{Keep(trace)}.");
        }

        switch (trace.Watch)
        {
            case WatchStatus.Unknown:
                lines.Add("Watch state is unknown this run.");
                break;
            case WatchStatus.Unwatched when trace.Basis != DecisionBasis.ConditionsMatched:
                lines.Add("Nobody has watched it.");
                break;
        }

        switch (trace.Reason)
        {
            case DecisionReason.Scheduled:
                lines.Add(trace.Basis switch
                {
                    DecisionBasis.Added => $"Counted from when it was added, {Day(trace.BasisDate)}: due {Day(trace.DueDate)}.",
                    DecisionBasis.LastWatched => $"Counted from the last watch, {Day(trace.BasisDate)}: due {Day(trace.DueDate)}.",
                    DecisionBasis.ConditionsMatched => $"Its conditions hold, so it is due now ({Day(trace.DueDate)}).",
                    _ => $"Due {Day(trace.DueDate)}.",
                });
                break;
            case DecisionReason.RetentionNever:
                lines.Add($"Its retention is {trace.Retention ?? "never"}: this {noun} is never due.");
                break;
            case DecisionReason.AwaitingWatch:
                lines.Add("Its rule requires it to be watched first, so it is not due.");
                break;
            case DecisionReason.UnwatchedKeptForever:
                lines.Add("Its rule counts from the last watch and keeps unwatched items, so it is not due.");
                break;
            case DecisionReason.MissingDate:
                lines.Add("The date to count from is not known, so it is never due.");
                break;
            case DecisionReason.DoNothing:
                lines.Add("Its rule's action is to do nothing, so it is never due.");
                break;
            case DecisionReason.InsideKeptSet:
                lines.Add("It is among the latest episodes its rule keeps.");
                break;
            case DecisionReason.Unmatched:
                lines.Add("It could not be matched by any provider id, so no rule applies to it.");
                break;
        }

        foreach (var protection in trace.Protections)
        {
            lines.Add(protection.Describe());
        }

        if (trace.FlaggedAt is { } flagged && trace.DeletionDate is { } deletion)
        {
            lines.Add(trace.GraceExtended
                ? $"First shown as leaving soon {Day(flagged)}; the {Days(trace.GracePeriod)} grace period moves deletion to {Day(deletion)}."
                : $"Shown as leaving soon since {Day(flagged)}; deletion date {Day(deletion)}.");
        }
        else if (trace.Protections.Count == 0 && trace.DueDate is { } due && trace.Reason == DecisionReason.Scheduled)
        {
            lines.Add($"Not yet within the {Days(trace.LeavingSoonWindow)} leaving-soon window (it enters it {Day(due - trace.LeavingSoonWindow)}).");
        }

        switch (trace.DiskSpace)
        {
            case DiskSpaceHold.Selected:
                lines.Add("Disk-space mode: selected because free space is below the threshold.");
                break;
            case DiskSpaceHold.HeldBackEnoughSpace:
                lines.Add("Disk-space mode: held back because enough space is free.");
                break;
            case DiskSpaceHold.HeldBackFreeSpaceUnknown:
                lines.Add("Disk-space mode: held back because free space is not known.");
                break;
        }

        return lines;
    }

    private static string Keep(DecisionTrace trace) =>
        trace.Retention is null ? string.Empty : $" (keep {trace.Retention})";

    private static string Day(DateTimeOffset? date) => Protections.AppliedProtection.Day(date);

    private static string Days(TimeSpan span) =>
        span.TotalHours % 24 == 0 ? $"{span.TotalDays:0}-day" : $"{span.TotalHours:0}-hour";
}
