using Cleanup.Engine.Library;
using Cleanup.Engine.Protections;
using Cleanup.Engine.Rules;
using Cleanup.Engine.Rules.Conditions;
using Cleanup.Engine.Timeline;

namespace Cleanup.Engine.Tests.Rules;

public sealed class RuleSetValidatorTests
{
    [Fact]
    public void The_default_rule_set_is_valid_and_sensible()
    {
        var rules = RuleSet.Default;

        Assert.Empty(RuleSetValidator.Validate(rules));
        Assert.Equal(RetentionPeriod.Days(30), rules.Movies.Retention);
        Assert.Equal(RetentionBase.LastWatchedOrAdded, rules.Movies.RetentionBase);
        Assert.Equal(RetentionPeriod.Days(90), rules.Series.Retention);
        Assert.Equal(["*"], rules.Protections.FavoritesOf);
        Assert.Equal(RetentionPeriod.Days(14), rules.Timeline.GracePeriod);
    }

    public static TheoryData<string, RuleSet, string, string> Invalid => new()
    {
        { "bad default", RuleSet.Default with { Movies = new RetentionPolicy { Retention = RetentionPeriod.Parse("3 weeks") } }, "movies.retention", "not a duration" },
        { "bad rule retention", With(new TagRule { Tags = ["x"], Retention = RetentionPeriod.Parse("30x") }), "rules[1].retention", "unknown unit" },
        { "tag rule without tags", With(new TagRule { Tags = [" "] }), "rules[1].tags", "at least one tag" },
        { "requester rule without users", With(new RequesterRule()), "rules[1].users", "at least one requester" },
        { "policy rule for episodes", With(new TagRule { Tags = ["x"], MediaType = MediaType.Episode }), "rules[1].mediaType", "movie or series" },
        { "undefined action", With(new TagRule { Tags = ["x"], Action = (RuleAction)42 }), "rules[1].action", "not one of" },
        { "condition rule without groups", With(new ConditionRule()), "rules[1].groups", "at least one group" },
        { "empty group", With(new ConditionRule { Groups = [new ConditionGroup()] }), "rules[1].groups[0].conditions", "at least one condition" },
        { "operator for another type", With(Conditions(new Condition { Property = ConditionProperty.Added, Operator = ConditionOperator.GreaterThan, Value = "1" })), "rules[1].groups[0].conditions[0].operator", "does not apply to added" },
        { "bad date", With(Conditions(new Condition { Property = ConditionProperty.Added, Operator = ConditionOperator.Before, Value = "yesterday" })), "rules[1].groups[0].conditions[0].value", "ISO date" },
        { "never for in the last", With(Conditions(new Condition { Property = ConditionProperty.Added, Operator = ConditionOperator.InLast, Value = "never" })), "rules[1].groups[0].conditions[0].value", "not never" },
        { "bad number", With(Conditions(new Condition { Property = ConditionProperty.Year, Operator = ConditionOperator.LessThan, Value = "old" })), "rules[1].groups[0].conditions[0].value", "not a number" },
        { "bad boolean", With(Conditions(new Condition { Property = ConditionProperty.Watched, Operator = ConditionOperator.EqualTo, Value = "maybe" })), "rules[1].groups[0].conditions[0].value", "true or false" },
        { "empty text", With(Conditions(new Condition { Property = ConditionProperty.Title, Operator = ConditionOperator.Contains, Value = " " })), "rules[1].groups[0].conditions[0].value", "needs some text" },
        { "empty list", With(Conditions(new Condition { Property = ConditionProperty.Tags, Operator = ConditionOperator.ContainsAll, Values = [] })), "rules[1].groups[0].conditions[0].values", "at least one value" },
        { "several values for contains", With(Conditions(new Condition { Property = ConditionProperty.Tags, Operator = ConditionOperator.Contains, Value = "a,b" })), "rules[1].groups[0].conditions[0].value", "containsAll or containsAny" },
        { "bad count", With(Conditions(new Condition { Property = ConditionProperty.Tags, Operator = ConditionOperator.CountEquals, Value = "many" })), "rules[1].groups[0].conditions[0].value", "whole number" },
        { "user on a list property", With(Conditions(new Condition { Property = ConditionProperty.Tags, Operator = ConditionOperator.Contains, Value = "a", User = "bob" })), "rules[1].groups[0].conditions[0].user", "watchedBy contains" },
        { "episode rule that would delete everything", With(new EpisodeRule()), "rules[1]", "needs keepLatestEpisodes" },
        { "episode rule keeping zero", With(new EpisodeRule { KeepLatestEpisodes = 0 }), "rules[1].keepLatestEpisodes", "at least 1" },
        { "episode rule keeping zero seasons", With(new EpisodeRule { KeepLatestSeasons = -1 }), "rules[1].keepLatestSeasons", "at least 1" },
        { "bad max age", With(new EpisodeRule { KeepLatestEpisodes = 1, MaxAge = RetentionPeriod.Parse("old") }), "rules[1].maxAge", "not a duration" },
        { "never as a window", RuleSet.Default with { Timeline = new TimelineOptions { LeavingSoonWindow = RetentionPeriod.Never } }, "timeline.leavingSoonWindow", "never is not a window" },
        { "bad grace", RuleSet.Default with { Timeline = new TimelineOptions { GracePeriod = RetentionPeriod.Parse("2 weeks") } }, "timeline.gracePeriod", "not a duration" },
        { "bad request window", RuleSet.Default with { Protections = new ProtectionOptions { RequestedWithin = RetentionPeriod.Parse("x") } }, "protections.requestedWithin", "not a duration" },
        { "blank favorite user", RuleSet.Default with { Protections = new ProtectionOptions { FavoritesOf = ["bob", ""] } }, "protections.favoritesOf[1]", "user name" },
        { "no disk threshold", RuleSet.Default with { DiskSpace = new DiskSpaceOptions { Enabled = true, MinimumFreeGb = 0 } }, "diskSpace.minimumFreeGb", "positive" },
        { "unknown version", RuleSet.Default with { Version = 2 }, "version", "must be 1" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Reports_problems_by_field_path(string name, RuleSet rules, string field, string message)
    {
        var errors = RuleSetValidator.Validate(rules);

        Assert.True(errors.ContainsKey(field), $"{name}: errors were {string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}"))}");
        Assert.Contains(errors[field], m => m.Contains(message, StringComparison.Ordinal));
        Assert.False(RuleSetValidator.IsValid(rules));
    }

    [Fact]
    public void Reports_every_problem_at_once()
    {
        var rules = RuleSet.Default with
        {
            Movies = new RetentionPolicy { Retention = RetentionPeriod.Parse("x") },
            Rules = [new TagRule(), new RequesterRule()],
        };

        Assert.Equal(["movies.retention", "rules[0].tags", "rules[1].users"], RuleSetValidator.Validate(rules).Keys.Order());
    }

    [Fact]
    public void Disabled_disk_space_mode_needs_no_threshold()
    {
        Assert.True(RuleSetValidator.IsValid(RuleSet.Default with { DiskSpace = new DiskSpaceOptions { Enabled = false, MinimumFreeGb = 0 } }));
    }

    private static RuleSet With(RetentionRule rule) => RuleSet.Default with { Rules = [.. RuleSet.Default.Rules, rule] };

    private static ConditionRule Conditions(params Condition[] conditions) =>
        new() { Name = "c", Groups = [new ConditionGroup { Conditions = conditions }] };
}
