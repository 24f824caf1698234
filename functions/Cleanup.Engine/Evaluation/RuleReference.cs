using Cleanup.Engine.Rules;

namespace Cleanup.Engine.Evaluation;

/// <summary>The rule that decided an item.</summary>
/// <param name="Index">Position in <see cref="RuleSet.Rules"/>; null for a media type's default.</param>
/// <param name="MatchedOn">What matched, in words: the tag, the requester, the watching user.</param>
public sealed record RuleReference(RuleKind Kind, string Name, int? Index, string? MatchedOn = null)
{
    public string Describe()
    {
        var kind = Kind switch
        {
            RuleKind.Tag => "tag rule",
            RuleKind.Requester => "requester rule",
            RuleKind.Condition => "condition rule",
            RuleKind.Watched => "watched rule",
            RuleKind.Episode => "episode rule",
            _ => "default",
        };
        var on = MatchedOn is null ? string.Empty : $", {MatchedOn}";
        return Kind == RuleKind.Default ? $"the {Name}" : $"{kind} '{Name}'{on}";
    }
}
