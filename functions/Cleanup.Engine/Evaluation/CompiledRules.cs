using Cleanup.Engine.Library;
using Cleanup.Engine.Rules;
using Cleanup.Engine.Rules.Conditions;

namespace Cleanup.Engine.Evaluation;

/// <summary>
/// A rule set turned into lookups once per evaluation, so that finding an item's rule is a few dictionary hits:
/// tag → first tag rule, requester → first requester rule, per media type.
/// </summary>
internal sealed class CompiledRules
{
    public CompiledRules(RuleSet ruleSet, DateTimeOffset now)
    {
        RuleSet = ruleSet;
        Movies = new TypeRules(ruleSet.Movies, new RuleReference(RuleKind.Default, "default for movies", null));
        Series = new TypeRules(ruleSet.Series, new RuleReference(RuleKind.Default, "default for series", null));
        Seasons = new TypeRules(null, null);
        Episodes = new TypeRules(null, null);
        RequesterUsers = new HashSet<string>?[ruleSet.Rules.Count];
        Names = new string[ruleSet.Rules.Count];

        for (var i = 0; i < ruleSet.Rules.Count; i++)
        {
            var rule = ruleSet.Rules[i];
            Names[i] = string.IsNullOrWhiteSpace(rule.Name) ? $"{rule.Kind.ToString().ToLowerInvariant()} rule {i + 1}" : rule.Name;
            if (!rule.Enabled) continue;

            switch (rule)
            {
                case TagRule tag:
                    foreach (var type in PolicyTypes(tag))
                    {
                        foreach (var label in tag.Tags)
                        {
                            if (!string.IsNullOrWhiteSpace(label)) type.TagIndex.TryAdd(label.Trim(), i);
                        }
                    }

                    break;
                case RequesterRule requester:
                    var users = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                    foreach (var user in requester.Users)
                    {
                        if (string.IsNullOrWhiteSpace(user)) continue;
                        users.Add(user.Trim());
                        foreach (var type in PolicyTypes(requester)) type.RequesterIndex.TryAdd(user.Trim(), i);
                    }

                    RequesterUsers[i] = users;
                    UsesRequests = true;
                    break;
                case WatchedRule:
                    foreach (var type in PolicyTypes((PolicyRule)rule)) type.Watched.Add(i);
                    break;
                case ConditionRule condition:
                    var compiled = CompiledConditionRule.TryCompile(condition, i, now)
                                   ?? throw new InvalidOperationException($"Condition rule {i} did not compile after validation.");
                    For(condition.MediaType).Conditions.Add(compiled);
                    break;
                case EpisodeRule:
                    EpisodeRules.Add(i);
                    break;
            }
        }

        var within = ruleSet.Protections.RequestedWithin;
        RequestedWithin = within.Duration is { } span && span > TimeSpan.Zero ? span : null;
        UsesRequests |= RequestedWithin is not null;

        FavoritesOfAnyone = false;
        FavoritesOf = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var user in ruleSet.Protections.FavoritesOf)
        {
            if (user.Trim() == "*") FavoritesOfAnyone = true;
            else FavoritesOf.Add(user.Trim());
        }

        LeavingSoonWindow = ruleSet.Timeline.LeavingSoonWindow.Duration ?? TimeSpan.Zero;
        GracePeriod = ruleSet.Timeline.GracePeriod.Duration ?? TimeSpan.Zero;
    }

    public RuleSet RuleSet { get; }

    public TypeRules Movies { get; }

    public TypeRules Series { get; }

    public TypeRules Seasons { get; }

    public TypeRules Episodes { get; }

    public List<int> EpisodeRules { get; } = [];

    /// <summary>Per rule index: the users a requester rule names.</summary>
    public HashSet<string>?[] RequesterUsers { get; }

    /// <summary>Per rule index: the rule's name, or a made-up one when it has none.</summary>
    public string[] Names { get; }

    /// <summary>Requests matter to this rule set (requester rules or the recently-requested protection).</summary>
    public bool UsesRequests { get; }

    public TimeSpan? RequestedWithin { get; }

    public bool FavoritesOfAnyone { get; }

    public HashSet<string> FavoritesOf { get; }

    public TimeSpan LeavingSoonWindow { get; }

    public TimeSpan GracePeriod { get; }

    public bool FavoriteProtects(string user) => FavoritesOfAnyone || FavoritesOf.Contains(user);

    public TypeRules For(MediaType type) => type switch
    {
        MediaType.Movie => Movies,
        MediaType.Series => Series,
        MediaType.Season => Seasons,
        _ => Episodes,
    };

    private IEnumerable<TypeRules> PolicyTypes(PolicyRule rule)
    {
        if (rule.MediaType is null or MediaType.Movie) yield return Movies;
        if (rule.MediaType is null or MediaType.Series) yield return Series;
    }

    public sealed class TypeRules(RetentionPolicy? fallback, RuleReference? fallbackReference)
    {
        public Dictionary<string, int> TagIndex { get; } = new(StringComparer.OrdinalIgnoreCase);

        public Dictionary<string, int> RequesterIndex { get; } = new(StringComparer.OrdinalIgnoreCase);

        public List<CompiledConditionRule> Conditions { get; } = [];

        public List<int> Watched { get; } = [];

        public RetentionPolicy? Default { get; } = fallback;

        public RuleReference? DefaultReference { get; } = fallbackReference;
    }
}
