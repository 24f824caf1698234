using Cleanup.Engine.Library;
using Cleanup.Engine.Rules.Conditions;

namespace Cleanup.Engine.Rules;

/// <summary>
/// Checks a <see cref="RuleSet"/> and reports every problem keyed by the JSON path of the field
/// (<c>rules[2].retention</c>, <c>timeline.gracePeriod</c>), in the shape ASP.NET Core's validation problem takes.
/// </summary>
public static class RuleSetValidator
{
    // Relative condition dates need an instant to parse against; any will do for validation.
    private static readonly DateTimeOffset AnyInstant = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static IReadOnlyDictionary<string, string[]> Validate(RuleSet ruleSet)
    {
        var errors = new Errors();
        if (ruleSet.Version != 1) errors.Add("version", "must be 1");

        ValidatePolicy(errors, "movies", ruleSet.Movies);
        ValidatePolicy(errors, "series", ruleSet.Series);

        if (ruleSet.Rules is null)
        {
            errors.Add("rules", "must be a list (it may be empty)");
        }
        else
        {
            for (var i = 0; i < ruleSet.Rules.Count; i++)
            {
                var path = $"rules[{i}]";
                switch (ruleSet.Rules[i])
                {
                    case null:
                        errors.Add(path, "must be a rule");
                        break;
                    case PolicyRule policy:
                        ValidatePolicyRule(errors, path, policy);
                        break;
                    case ConditionRule condition:
                        ValidateConditionRule(errors, path, condition);
                        break;
                    case EpisodeRule episode:
                        ValidateEpisodeRule(errors, path, episode);
                        break;
                }
            }
        }

        ValidateProtections(errors, ruleSet);
        ValidateTimeline(errors, ruleSet);

        if (ruleSet.DiskSpace is { Enabled: true, MinimumFreeGb: var gb } && !(gb > 0 && double.IsFinite(gb)))
        {
            errors.Add("diskSpace.minimumFreeGb", "must be a positive number of gigabytes");
        }

        return errors.ToDictionary();
    }

    public static bool IsValid(RuleSet ruleSet) => Validate(ruleSet).Count == 0;

    private static void ValidatePolicy(Errors errors, string path, RetentionPolicy? policy)
    {
        if (policy is null)
        {
            errors.Add(path, "is required");
            return;
        }

        Retention(errors, $"{path}.retention", policy.Retention);
        Defined(errors, $"{path}.retentionBase", policy.RetentionBase);
        Defined(errors, $"{path}.unwatchedBehavior", policy.UnwatchedBehavior);
        Defined(errors, $"{path}.action", policy.Action);
    }

    private static void ValidatePolicyRule(Errors errors, string path, PolicyRule rule)
    {
        Retention(errors, $"{path}.retention", rule.Retention);
        Defined(errors, $"{path}.retentionBase", rule.RetentionBase);
        Defined(errors, $"{path}.unwatchedBehavior", rule.UnwatchedBehavior);
        Defined(errors, $"{path}.action", rule.Action);
        if (rule.MediaType is { } type && type is not (MediaType.Movie or MediaType.Series))
        {
            errors.Add($"{path}.mediaType", "must be movie or series (or left out for both); use an episode rule for episodes");
        }

        switch (rule)
        {
            case TagRule tag when NoneNonBlank(tag.Tags):
                errors.Add($"{path}.tags", "needs at least one tag");
                break;
            case RequesterRule requester when NoneNonBlank(requester.Users):
                errors.Add($"{path}.users", "needs at least one requester name or e-mail address");
                break;
            case WatchedRule watched when watched.Users is null:
                errors.Add($"{path}.users", "must be a list (empty for anyone)");
                break;
        }
    }

    private static void ValidateConditionRule(Errors errors, string path, ConditionRule rule)
    {
        Defined(errors, $"{path}.mediaType", rule.MediaType);
        Defined(errors, $"{path}.action", rule.Action);
        Defined(errors, $"{path}.match", rule.Match);
        if (rule.Groups is null || rule.Groups.Count == 0)
        {
            errors.Add($"{path}.groups", "needs at least one group of conditions");
            return;
        }

        for (var g = 0; g < rule.Groups.Count; g++)
        {
            var groupPath = $"{path}.groups[{g}]";
            var group = rule.Groups[g];
            if (group?.Conditions is null || group.Conditions.Count == 0)
            {
                errors.Add($"{groupPath}.conditions", "needs at least one condition");
                continue;
            }

            Defined(errors, $"{groupPath}.match", group.Match);
            for (var c = 0; c < group.Conditions.Count; c++)
            {
                var conditionPath = $"{groupPath}.conditions[{c}]";
                var condition = group.Conditions[c];
                if (condition is null)
                {
                    errors.Add(conditionPath, "must be a condition");
                    continue;
                }

                if (!Enum.IsDefined(condition.Operator))
                {
                    errors.Add($"{conditionPath}.operator", $"'{condition.Operator}' is not an operator");
                    continue;
                }

                if (CompiledCondition.TryCompile(condition, AnyInstant, out var error, out var field) is null)
                {
                    errors.Add($"{conditionPath}.{field}", error!);
                }

                if (!string.IsNullOrWhiteSpace(condition.User) && !ConditionProperties.IsPerUser(condition.Property))
                {
                    errors.Add(
                        $"{conditionPath}.user",
                        "applies only to lastWatched, playCount, watched, favorite, inProgress and playing; for lists use e.g. watchedBy contains <user>");
                }
            }
        }
    }

    private static void ValidateEpisodeRule(Errors errors, string path, EpisodeRule rule)
    {
        if (!rule.MaxAge.IsValid) errors.Add($"{path}.maxAge", rule.MaxAge.Error!);
        Defined(errors, $"{path}.retentionBase", rule.RetentionBase);
        Defined(errors, $"{path}.action", rule.Action);
        if (rule.KeepLatestEpisodes is < 1) errors.Add($"{path}.keepLatestEpisodes", "must be at least 1 (leave it out to not keep by count)");
        if (rule.KeepLatestSeasons is < 1) errors.Add($"{path}.keepLatestSeasons", "must be at least 1 (leave it out to not keep by season)");
        if (rule.KeepLatestEpisodes is null && rule.KeepLatestSeasons is null && (rule.MaxAge.IsNever || rule.MaxAge.IsZero))
        {
            errors.Add(path, "needs keepLatestEpisodes, keepLatestSeasons or maxAge; otherwise every episode would be due");
        }

        if (rule.Tags is null) errors.Add($"{path}.tags", "must be a list (empty for every series)");
    }

    private static void ValidateProtections(Errors errors, RuleSet ruleSet)
    {
        if (ruleSet.Protections is not { } protections)
        {
            errors.Add("protections", "is required");
            return;
        }

        if (!protections.RequestedWithin.IsValid) errors.Add("protections.requestedWithin", protections.RequestedWithin.Error!);
        if (protections.FavoritesOf is null)
        {
            errors.Add("protections.favoritesOf", "must be a list of user names, [\"*\"] for everyone, or empty");
        }
        else
        {
            for (var i = 0; i < protections.FavoritesOf.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(protections.FavoritesOf[i])) errors.Add($"protections.favoritesOf[{i}]", "must be a user name or *");
            }
        }
    }

    private static void ValidateTimeline(Errors errors, RuleSet ruleSet)
    {
        if (ruleSet.Timeline is not { } timeline)
        {
            errors.Add("timeline", "is required");
            return;
        }

        Span(errors, "timeline.leavingSoonWindow", timeline.LeavingSoonWindow);
        Span(errors, "timeline.gracePeriod", timeline.GracePeriod);
    }

    private static void Retention(Errors errors, string path, RetentionPeriod retention)
    {
        if (!retention.IsValid) errors.Add(path, retention.Error!);
    }

    private static void Span(Errors errors, string path, RetentionPeriod span)
    {
        if (!span.IsValid) errors.Add(path, span.Error!);
        else if (span.IsNever) errors.Add(path, "must be a duration like 14d (never is not a window)");
    }

    private static void Defined<T>(Errors errors, string path, T value)
        where T : struct, Enum
    {
        if (!Enum.IsDefined(value)) errors.Add(path, $"'{value}' is not one of: {string.Join(", ", Enum.GetNames<T>())}");
    }

    private static bool NoneNonBlank(IReadOnlyList<string>? values)
    {
        if (values is null) return true;
        foreach (var value in values)
        {
            if (!string.IsNullOrWhiteSpace(value)) return false;
        }

        return true;
    }

    private sealed class Errors
    {
        private readonly Dictionary<string, List<string>> byField = new(StringComparer.Ordinal);

        public void Add(string field, string message)
        {
            if (!byField.TryGetValue(field, out var list)) byField[field] = list = [];
            list.Add(message);
        }

        public IReadOnlyDictionary<string, string[]> ToDictionary() =>
            byField.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal);
    }
}
