using Cleanup.Engine.Library;
using Cleanup.Engine.Rules;

namespace Cleanup.Engine.Evaluation;

/// <summary>
/// What a rule change would do (POST /api/rules/preview): evaluate the library under the current and the proposed
/// rules with the same state and instant, and compare. "Leaving soon" here means shown on the timeline: status
/// <see cref="DecisionStatus.LeavingSoon"/> or <see cref="DecisionStatus.Due"/>.
/// </summary>
public static class RulePreview
{
    /// <summary>Evaluates both rule sets and compares them. Throws <see cref="InvalidRuleSetException"/> when either is invalid.</summary>
    public static PreviewResult Run(UnifiedLibrary library, RuleSet current, RuleSet proposed, EvaluationState state, DateTimeOffset now) =>
        Compare(
            RetentionEvaluator.Evaluate(library, current, state, now),
            RetentionEvaluator.Evaluate(library, proposed, state, now));

    public static PreviewResult Compare(EvaluationResult before, EvaluationResult after)
    {
        var entering = new List<PreviewChange>();
        var leaving = new List<PreviewChange>();
        var newlyDue = new List<PreviewChange>();
        var noLongerDue = new List<PreviewChange>();
        var wouldDelete = new List<Decision>();
        var changed = new List<PreviewChange>();
        long bytes = 0;

        foreach (var decision in after.Decisions)
        {
            var previous = before.Find(decision.ItemId);
            var change = new PreviewChange(decision.ItemId, decision.Title, decision.MediaType, decision.SizeBytes, previous, decision);
            var wasFlagged = previous?.IsFlagged ?? false;
            var wasDue = previous?.Status == DecisionStatus.Due;

            if (decision.IsFlagged && !wasFlagged) entering.Add(change);
            if (!decision.IsFlagged && wasFlagged) leaving.Add(change);
            if (decision.Status == DecisionStatus.Due)
            {
                wouldDelete.Add(decision);
                bytes += decision.SizeBytes;
                if (!wasDue) newlyDue.Add(change);
            }
            else if (wasDue)
            {
                noLongerDue.Add(change);
            }

            if (previous is null || previous.Status != decision.Status || previous.DeletionDate != decision.DeletionDate
                || previous.Rule != decision.Rule)
            {
                changed.Add(change);
            }
        }

        // Items only the current rules decide (e.g. episodes a removed episode rule covered).
        foreach (var previous in before.Decisions)
        {
            if (after.Find(previous.ItemId) is not null) continue;
            var change = new PreviewChange(previous.ItemId, previous.Title, previous.MediaType, previous.SizeBytes, previous, null);
            if (previous.IsFlagged) leaving.Add(change);
            if (previous.Status == DecisionStatus.Due) noLongerDue.Add(change);
            changed.Add(change);
        }

        return new PreviewResult(entering, leaving, newlyDue, noLongerDue, wouldDelete, bytes, changed);
    }
}

/// <summary>The difference between two evaluations.</summary>
/// <param name="EnteringLeavingSoon">Shown on the timeline under the proposed rules, not under the current ones.</param>
/// <param name="LeavingLeavingSoon">Shown under the current rules, not under the proposed ones.</param>
/// <param name="NewlyDue">Due under the proposed rules and not under the current ones.</param>
/// <param name="NoLongerDue">Due under the current rules and not under the proposed ones.</param>
/// <param name="WouldDelete">Everything due under the proposed rules: what the next run would act on.</param>
/// <param name="BytesWouldFree">The size of <paramref name="WouldDelete"/>.</param>
/// <param name="Changed">Every item whose status, deletion date or rule differs.</param>
public sealed record PreviewResult(
    IReadOnlyList<PreviewChange> EnteringLeavingSoon,
    IReadOnlyList<PreviewChange> LeavingLeavingSoon,
    IReadOnlyList<PreviewChange> NewlyDue,
    IReadOnlyList<PreviewChange> NoLongerDue,
    IReadOnlyList<Decision> WouldDelete,
    long BytesWouldFree,
    IReadOnlyList<PreviewChange> Changed);

/// <summary>One item's decision before and after (null where that rule set makes no decision about it).</summary>
public sealed record PreviewChange(string ItemId, string Title, MediaType MediaType, long SizeBytes, Decision? Before, Decision? After);
