using Cleanup.Engine.Evaluation;
using Cleanup.Engine.Library;
using Cleanup.Engine.Rules;
using Cleanup.Engine.Rules.Conditions;
using Cleanup.Engine.Sources;
using static Cleanup.Engine.Tests.TestData;

namespace Cleanup.Engine.Tests.Evaluation;

public sealed class ConditionRuleTests
{
    /// <summary>
    /// Added 100 days ago, aired 2000-01-01, released 1999, 4 GB, watched by alice 10 days ago (3 plays), bob's
    /// favorite, carol part-way through, requested by dave 20 days ago, tagged kids and 4k, on radarr and jellyfin.
    /// </summary>
    private static readonly LibraryItem Subject = Movie(
        addedDaysAgo: 100,
        tags: ["kids", "4k"],
        users: [Watched("alice", 10, plays: 3), Favorite("bob"), InProgress("carol", 2)],
        requests: [Request("dave", 20)],
        size: 4_000_000_000) with
    {
        Title = "The Matrix",
        Year = 1999,
        AirDate = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero),
        Monitored = true,
        Sources = [Radarr(), new SourceRef(ServiceKind.Jellyfin, "jellyfin", "abc")],
    };

    [Theory]
    // dates
    [InlineData(ConditionProperty.Added, ConditionOperator.Before, "90d", null, true)]
    [InlineData(ConditionProperty.Added, ConditionOperator.Before, "100d", null, false)] // exactly then is not before
    [InlineData(ConditionProperty.Added, ConditionOperator.Before, "2026-09-01", null, true)]
    [InlineData(ConditionProperty.Added, ConditionOperator.After, "2026-08-01T00:00:00Z", null, true)]
    [InlineData(ConditionProperty.Added, ConditionOperator.After, "99d", null, false)]
    [InlineData(ConditionProperty.Added, ConditionOperator.InLast, "100d", null, true)] // the edge is inside
    [InlineData(ConditionProperty.Added, ConditionOperator.InLast, "99d", null, false)]
    [InlineData(ConditionProperty.Added, ConditionOperator.InNext, "30d", null, false)]
    [InlineData(ConditionProperty.LastWatched, ConditionOperator.InLast, "14d", null, true)]
    [InlineData(ConditionProperty.LastWatched, ConditionOperator.Before, "30d", null, false)]
    [InlineData(ConditionProperty.LastWatched, ConditionOperator.InLast, "14d", "bob", false)] // bob never watched: no date, no match
    [InlineData(ConditionProperty.LastWatched, ConditionOperator.Before, "1d", "alice", true)]
    [InlineData(ConditionProperty.AirDate, ConditionOperator.Before, "2000-01-02", null, true)]
    [InlineData(ConditionProperty.LastRequested, ConditionOperator.InLast, "30d", null, true)]
    // numbers
    [InlineData(ConditionProperty.Year, ConditionOperator.LessThan, "2000", null, true)]
    [InlineData(ConditionProperty.Year, ConditionOperator.LessThan, "1999", null, false)]
    [InlineData(ConditionProperty.Year, ConditionOperator.GreaterThan, "1998", null, true)]
    [InlineData(ConditionProperty.Year, ConditionOperator.EqualTo, "1999", null, true)]
    [InlineData(ConditionProperty.Year, ConditionOperator.NotEqualTo, "1999", null, false)]
    [InlineData(ConditionProperty.SizeGb, ConditionOperator.GreaterThan, "3.5", null, true)]
    [InlineData(ConditionProperty.PlayCount, ConditionOperator.EqualTo, "3", null, true)]
    [InlineData(ConditionProperty.PlayCount, ConditionOperator.EqualTo, "0", "bob", true)]
    [InlineData(ConditionProperty.SeasonNumber, ConditionOperator.EqualTo, "1", null, false)] // a movie has none
    // text
    [InlineData(ConditionProperty.Title, ConditionOperator.EqualTo, "the matrix", null, true)]
    [InlineData(ConditionProperty.Title, ConditionOperator.Contains, "MAT", null, true)]
    [InlineData(ConditionProperty.Title, ConditionOperator.NotContains, "matrix", null, false)]
    [InlineData(ConditionProperty.Title, ConditionOperator.NotEqualTo, "Alien", null, true)]
    // yes/no
    [InlineData(ConditionProperty.Watched, ConditionOperator.EqualTo, "true", null, true)]
    [InlineData(ConditionProperty.Watched, ConditionOperator.EqualTo, "true", "bob", false)] // per user
    [InlineData(ConditionProperty.Watched, ConditionOperator.EqualTo, "false", "bob", true)]
    [InlineData(ConditionProperty.Favorite, ConditionOperator.EqualTo, "true", "bob", true)] // "favorite of bob"
    [InlineData(ConditionProperty.Favorite, ConditionOperator.EqualTo, "true", "alice", false)]
    [InlineData(ConditionProperty.InProgress, ConditionOperator.EqualTo, "true", null, true)]
    [InlineData(ConditionProperty.Playing, ConditionOperator.NotEqualTo, "true", null, true)]
    [InlineData(ConditionProperty.Monitored, ConditionOperator.EqualTo, "true", null, true)]
    // lists
    [InlineData(ConditionProperty.WatchedBy, ConditionOperator.Contains, "Alice", null, true)] // "watched by alice"
    [InlineData(ConditionProperty.WatchedBy, ConditionOperator.Contains, "bob", null, false)]
    [InlineData(ConditionProperty.WatchedBy, ConditionOperator.NotContains, "bob", null, true)]
    [InlineData(ConditionProperty.FavoriteOf, ConditionOperator.Contains, "bob", null, true)]
    [InlineData(ConditionProperty.InProgressBy, ConditionOperator.Contains, "carol", null, true)]
    [InlineData(ConditionProperty.PlayingBy, ConditionOperator.CountEquals, "0", null, true)]
    [InlineData(ConditionProperty.Tags, ConditionOperator.ContainsAll, "kids, 4K", null, true)]
    [InlineData(ConditionProperty.Tags, ConditionOperator.ContainsAll, "kids,anime", null, false)]
    [InlineData(ConditionProperty.Tags, ConditionOperator.ContainsAny, "kids,anime", null, true)]
    [InlineData(ConditionProperty.Tags, ConditionOperator.ContainsAny, "anime,horror", null, false)]
    [InlineData(ConditionProperty.Tags, ConditionOperator.CountGreaterThan, "1", null, true)]
    [InlineData(ConditionProperty.Tags, ConditionOperator.CountLessThan, "2", null, false)]
    [InlineData(ConditionProperty.Requesters, ConditionOperator.Contains, "dave", null, true)]
    [InlineData(ConditionProperty.Sources, ConditionOperator.Contains, "jellyfin", null, true)]
    public void Operators_compare_item_properties(ConditionProperty property, ConditionOperator op, string value, string? user, bool expected)
    {
        var condition = new Condition { Property = property, Operator = op, Value = value, User = user };

        Assert.Equal(expected, Matches(Subject, condition));
    }

    [Theory]
    [InlineData(ConditionProperty.Watched, ConditionOperator.EqualTo, "false")]
    [InlineData(ConditionProperty.Watched, ConditionOperator.EqualTo, "true")]
    [InlineData(ConditionProperty.WatchedBy, ConditionOperator.CountEquals, "0")]
    [InlineData(ConditionProperty.LastWatched, ConditionOperator.Before, "1d")]
    public void Watch_conditions_hold_neither_way_while_watch_state_is_unknown(ConditionProperty property, ConditionOperator op, string value)
    {
        var unknown = Subject with { Watch = new WatchSummary(Subject.Watch.Users, ["jellyfin"]) };

        Assert.False(Matches(unknown, new Condition { Property = property, Operator = op, Value = value }));
    }

    [Theory]
    // rule match mode, group 1 mode, group 2 mode, expected (group 1: [true, false], group 2: [true, true])
    [InlineData(MatchMode.All, MatchMode.All, MatchMode.All, false)]
    [InlineData(MatchMode.All, MatchMode.Any, MatchMode.All, true)]
    [InlineData(MatchMode.Any, MatchMode.All, MatchMode.All, true)]
    [InlineData(MatchMode.Any, MatchMode.All, MatchMode.Any, true)]
    public void Groups_combine_with_and_or(MatchMode rule, MatchMode first, MatchMode second, bool expected)
    {
        var yes = new Condition { Property = ConditionProperty.Year, Operator = ConditionOperator.EqualTo, Value = "1999" };
        var no = new Condition { Property = ConditionProperty.Year, Operator = ConditionOperator.EqualTo, Value = "2001" };
        var conditionRule = new ConditionRule
        {
            Name = "c",
            Match = rule,
            Groups = [new() { Match = first, Conditions = [yes, no] }, new() { Match = second, Conditions = [yes, yes] }],
        };

        var decision = Decide(Subject, RuleSetWith(rules: [conditionRule]));

        Assert.Equal(expected, decision.Rule!.Kind == RuleKind.Condition);
    }

    [Fact]
    public void A_matching_condition_rule_makes_the_item_due_now_and_the_grace_period_runs_from_the_flag()
    {
        var rule = Rule(new Condition { Property = ConditionProperty.WatchedBy, Operator = ConditionOperator.Contains, Value = "alice" });

        var first = Decide(Subject, RuleSetWith(movies: "never", rules: [rule]));
        var later = Decide(Subject, RuleSetWith(movies: "never", rules: [rule]), FlaggedDaysAgo(Subject.Id, 14));

        Assert.Equal(DecisionStatus.LeavingSoon, first.Status);
        Assert.Equal(Now, first.DueDate);
        Assert.Equal(Now.AddDays(14), first.DeletionDate);
        Assert.Equal(DecisionStatus.Due, later.Status);
        Assert.Equal(DaysAgo(14), later.DueDate);
    }

    [Theory]
    [InlineData(MediaType.Movie, true)]
    [InlineData(MediaType.Series, false)]
    public void Condition_rules_apply_to_their_media_type_only(MediaType type, bool applies)
    {
        var rule = Rule(new Condition { Property = ConditionProperty.Year, Operator = ConditionOperator.GreaterThan, Value = "0" }) with { MediaType = type };

        Assert.Equal(applies, Decide(Subject, RuleSetWith(rules: [rule])).Rule!.Kind == RuleKind.Condition);
    }

    [Fact]
    public void A_do_nothing_condition_rule_exempts_what_it_matches()
    {
        var exempt = Rule(new Condition { Property = ConditionProperty.Tags, Operator = ConditionOperator.Contains, Value = "kids" }) with { Action = RuleAction.DoNothing };

        var decision = Decide(Subject with { Year = 1999 }, RuleSetWith(movies: "1d", rules: [exempt]), FlaggedDaysAgo(Subject.Id, 100));

        Assert.Equal(DecisionStatus.NotDue, decision.Status);
        Assert.Equal(DecisionReason.DoNothing, decision.Trace.Reason);
    }

    [Fact]
    public void Season_condition_rules_decide_seasons()
    {
        var season = Season("series:tvdb:1", 1, users: [Watched("alice", 40)]);
        var rule = Rule(new Condition { Property = ConditionProperty.LastWatched, Operator = ConditionOperator.Before, Value = "30d" }) with
        {
            MediaType = MediaType.Season,
            Action = RuleAction.UnmonitorAndDeleteFiles,
        };

        var decision = Decide(season, RuleSetWith(rules: [rule]), null, Series("series:tvdb:1"));

        Assert.Equal(RuleKind.Condition, decision.Rule!.Kind);
        Assert.Equal(RuleAction.UnmonitorAndDeleteFiles, decision.Action);
    }

    private static ConditionRule Rule(Condition condition) => new()
    {
        Name = "rule",
        MediaType = MediaType.Movie,
        Groups = [new() { Conditions = [condition] }],
    };

    private static bool Matches(LibraryItem item, Condition condition)
    {
        var decision = Decide(item, RuleSetWith(movies: "never", rules: [Rule(condition)]));
        return decision.Rule!.Kind == RuleKind.Condition;
    }
}
