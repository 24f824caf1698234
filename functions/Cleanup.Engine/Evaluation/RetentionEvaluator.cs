using Cleanup.Engine.Library;
using Cleanup.Engine.Rules;

namespace Cleanup.Engine.Evaluation;

/// <summary>
/// Applies a <see cref="RuleSet"/> to a <see cref="UnifiedLibrary"/>: one <see cref="Decision"/> per item, with its
/// rule, protections, dates and explanation. Pure and deterministic: the same inputs and instant give the same result.
/// </summary>
/// <remarks>
/// Per item: the rule (see <see cref="RetentionRule"/> for the priority) gives a due date or none; protections (see
/// <see cref="Protections.ProtectionKind"/>) always win and make the item <see cref="DecisionStatus.Kept"/>; otherwise
/// the timeline places the due date (see <see cref="Timeline.DeletionTimeline"/>); finally disk-space mode may hold due
/// items back. The rule set must be valid (<see cref="RuleSetValidator"/>): an invalid one throws
/// <see cref="InvalidRuleSetException"/> rather than guess, which stops the run's deletions.
/// </remarks>
public static class RetentionEvaluator
{
    public static EvaluationResult Evaluate(UnifiedLibrary library, RuleSet ruleSet, EvaluationState state, TimeProvider timeProvider) =>
        Evaluate(library, ruleSet, state, timeProvider.GetUtcNow());

    public static EvaluationResult Evaluate(UnifiedLibrary library, RuleSet ruleSet, EvaluationState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(ruleSet);
        ArgumentNullException.ThrowIfNull(state);

        var errors = RuleSetValidator.Validate(ruleSet);
        if (errors.Count > 0) throw new InvalidRuleSetException(errors);

        return new EvaluationRun(library, ruleSet, state, now).Execute();
    }
}
