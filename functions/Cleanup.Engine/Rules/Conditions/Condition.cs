namespace Cleanup.Engine.Rules.Conditions;

/// <summary>
/// One <c>property operator value</c> test over a library item, e.g. <c>lastWatched before 90d</c>,
/// <c>watchedBy contains alice</c>, <c>tags containsAll [kids, 4k]</c>, or with <see cref="User"/> "bob":
/// <c>favorite equalTo true</c> ("favorite of bob").
/// </summary>
public sealed record Condition
{
    public ConditionProperty Property { get; init; }

    public ConditionOperator Operator { get; init; }

    /// <summary>The value: an ISO date, a duration (<c>30d</c>), a number, text, <c>true</c>/<c>false</c>, or one list element.</summary>
    public string? Value { get; init; }

    /// <summary>Several values, for <see cref="ConditionOperator.ContainsAll"/> and <see cref="ConditionOperator.ContainsAny"/>.</summary>
    public IReadOnlyList<string>? Values { get; init; }

    /// <summary>Evaluate a per-user property (last watched, play count, watched, favorite, in progress, playing) for this user.</summary>
    public string? User { get; init; }
}

/// <summary>Conditions combined by <see cref="Match"/> (all = AND, any = OR).</summary>
public sealed record ConditionGroup
{
    public MatchMode Match { get; init; } = MatchMode.All;

    public IReadOnlyList<Condition> Conditions { get; init; } = [];
}
