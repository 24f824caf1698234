using Cleanup.Engine.Library;
using Cleanup.Engine.Rules.Conditions;

namespace Cleanup.Engine.Rules;

/// <summary>
/// A Maintainerr-style rule: groups of conditions over the unified item. When they hold, the item is due at once
/// (so it shows as leaving soon for the whole grace period, then <see cref="Action"/> is taken).
/// Groups combine by <see cref="Match"/>; the conditions inside a group by the group's own match mode.
/// </summary>
public sealed record ConditionRule : RetentionRule
{
    public MediaType MediaType { get; init; } = MediaType.Movie;

    public RuleAction Action { get; init; } = RuleAction.Delete;

    public MatchMode Match { get; init; } = MatchMode.All;

    public IReadOnlyList<ConditionGroup> Groups { get; init; } = [];
}
