using Cleanup.Engine.Library;
using Cleanup.Engine.Protections;
using Cleanup.Engine.Rules;

namespace Cleanup.Engine.Evaluation;

/// <summary>What the rules say about one library item at one instant.</summary>
public sealed record Decision
{
    public required string ItemId { get; init; }

    public required MediaType MediaType { get; init; }

    public required string Title { get; init; }

    public long SizeBytes { get; init; }

    public required DecisionStatus Status { get; init; }

    /// <summary>When the rule makes the item due; null when it never is.</summary>
    public DateTimeOffset? DueDate { get; init; }

    /// <summary>When it will be acted on: max(due date, flagged at + grace period). Set for leaving-soon and due items.</summary>
    public DateTimeOffset? DeletionDate { get; init; }

    /// <summary>
    /// When it was first shown as leaving soon. The caller persists it per item and passes it back in
    /// <see cref="EvaluationState.FlaggedAt"/>. Null once the item is no longer leaving soon (a kept item starts its grace
    /// period again when it comes back), except that a protection caused by this run's failures keeps it as it was.
    /// </summary>
    public DateTimeOffset? FlaggedAt { get; init; }

    public RuleReference? Rule { get; init; }

    /// <summary>What to do when due. <see cref="RuleAction.DoNothing"/> when no rule applies.</summary>
    public RuleAction Action { get; init; }

    public IReadOnlyList<AppliedProtection> Protections { get; init; } = [];

    public required DecisionTrace Trace { get; init; }

    /// <summary>Shown as leaving soon: <see cref="DecisionStatus.LeavingSoon"/> or <see cref="DecisionStatus.Due"/>.</summary>
    public bool IsFlagged => Status is DecisionStatus.LeavingSoon or DecisionStatus.Due;
}
