using Cleanup.Engine.Library;

namespace Cleanup.Engine.Rules.Conditions;

/// <summary>A <see cref="ConditionRule"/> with every condition compiled.</summary>
internal sealed class CompiledConditionRule(ConditionRule rule, int index, MatchMode match, CompiledCondition[][] groups, MatchMode[] groupModes)
{
    public ConditionRule Rule { get; } = rule;

    public int Index { get; } = index;

    /// <summary>Compiles every condition; returns null when any is invalid (the validator reports which).</summary>
    public static CompiledConditionRule? TryCompile(ConditionRule rule, int index, DateTimeOffset now)
    {
        var groups = new CompiledCondition[rule.Groups.Count][];
        var modes = new MatchMode[rule.Groups.Count];
        for (var g = 0; g < groups.Length; g++)
        {
            var group = rule.Groups[g];
            modes[g] = group.Match;
            groups[g] = new CompiledCondition[group.Conditions.Count];
            for (var c = 0; c < groups[g].Length; c++)
            {
                var compiled = CompiledCondition.TryCompile(group.Conditions[c], now, out _, out _);
                if (compiled is null) return null;
                groups[g][c] = compiled;
            }
        }

        return new CompiledConditionRule(rule, index, rule.Match, groups, modes);
    }

    public bool Matches(LibraryItem item)
    {
        if (groups.Length == 0) return false;
        for (var g = 0; g < groups.Length; g++)
        {
            var holds = GroupMatches(groups[g], groupModes[g], item);
            if (match == MatchMode.Any && holds) return true;
            if (match == MatchMode.All && !holds) return false;
        }

        return match == MatchMode.All;
    }

    private static bool GroupMatches(CompiledCondition[] conditions, MatchMode mode, LibraryItem item)
    {
        if (conditions.Length == 0) return false;
        for (var i = 0; i < conditions.Length; i++)
        {
            var holds = conditions[i].Matches(item);
            if (mode == MatchMode.Any && holds) return true;
            if (mode == MatchMode.All && !holds) return false;
        }

        return mode == MatchMode.All;
    }
}
