using Cleanup.Engine.Evaluation;
using Cleanup.Engine.Library;
using Cleanup.Engine.Rules;
using static Cleanup.Engine.Tests.TestData;

namespace Cleanup.Engine.Tests.Evaluation;

public sealed class RetentionRuleTests
{
    [Theory]
    // added (days ago), watched (days ago), base, retention, expected due (days from now; null = never due), reason
    [InlineData(100.0, null, RetentionBase.LastWatchedOrAdded, "30d", -70.0, DecisionReason.Scheduled)]
    [InlineData(100.0, 10.0, RetentionBase.LastWatchedOrAdded, "30d", 20.0, DecisionReason.Scheduled)]
    [InlineData(5.0, 10.0, RetentionBase.LastWatchedOrAdded, "30d", 25.0, DecisionReason.Scheduled)] // re-imported after the watch
    [InlineData(100.0, 10.0, RetentionBase.Added, "30d", -70.0, DecisionReason.Scheduled)]
    [InlineData(100.0, 10.0, RetentionBase.LastWatched, "30d", 20.0, DecisionReason.Scheduled)]
    [InlineData(100.0, null, RetentionBase.LastWatched, "30d", null, DecisionReason.UnwatchedKeptForever)]
    [InlineData(null, null, RetentionBase.LastWatchedOrAdded, "30d", null, DecisionReason.MissingDate)]
    [InlineData(null, null, RetentionBase.Added, "30d", null, DecisionReason.MissingDate)]
    [InlineData(null, 10.0, RetentionBase.LastWatchedOrAdded, "30d", 20.0, DecisionReason.Scheduled)]
    [InlineData(-10.0, null, RetentionBase.LastWatchedOrAdded, "30d", 40.0, DecisionReason.Scheduled)] // added in the future
    [InlineData(100.0, -2.0, RetentionBase.LastWatched, "30d", 32.0, DecisionReason.Scheduled)] // watched in the future
    [InlineData(100.0, null, RetentionBase.Added, "12h", -99.5, DecisionReason.Scheduled)]
    [InlineData(100.0, null, RetentionBase.Added, "never", null, DecisionReason.RetentionNever)]
    [InlineData(100.0, null, RetentionBase.Added, "0d", null, DecisionReason.RetentionNever)]
    public void Default_retention_counts_from_its_base(double? addedDaysAgo, double? watchedDaysAgo, RetentionBase basis, string retention, double? dueInDays, DecisionReason reason)
    {
        var movie = Movie(addedDaysAgo: addedDaysAgo, users: watchedDaysAgo is { } w ? [Watched("alice", w)] : []);

        var decision = Decide(movie, RuleSetWith(movies: retention, basis: basis));

        Assert.Equal(dueInDays is { } d ? Now.AddDays(d) : null, decision.DueDate);
        Assert.Equal(reason, decision.Trace.Reason);
        Assert.Equal(RuleKind.Default, decision.Rule!.Kind);
        if (dueInDays is null) Assert.Equal(DecisionStatus.NotDue, decision.Status);
    }

    [Fact]
    public void Last_watched_can_count_unwatched_items_from_added()
    {
        var rules = RuleSetWith() with
        {
            Movies = new RetentionPolicy
            {
                Retention = RetentionPeriod.Days(30),
                RetentionBase = RetentionBase.LastWatched,
                UnwatchedBehavior = UnwatchedBehavior.CountFromAdded,
            },
        };

        var decision = Decide(Movie(addedDaysAgo: 20), rules);

        Assert.Equal(Now.AddDays(10), decision.DueDate);
        Assert.Equal(DecisionBasis.Added, decision.Trace.Basis);
    }

    [Theory]
    [InlineData(false, DecisionReason.AwaitingWatch, null)]
    [InlineData(true, DecisionReason.Scheduled, 20.0)]
    public void Require_watched_keeps_unwatched_items(bool watched, DecisionReason reason, double? dueInDays)
    {
        var rules = RuleSetWith() with { Movies = new RetentionPolicy { Retention = RetentionPeriod.Days(30), RequireWatched = true } };
        var movie = Movie(addedDaysAgo: 365, users: watched ? [Watched("alice", 10)] : [new UserWatch("alice", false, 0, null, false, false, false)]);

        var decision = Decide(movie, rules);

        Assert.Equal(reason, decision.Trace.Reason);
        Assert.Equal(dueInDays is { } d ? Now.AddDays(d) : null, decision.DueDate);
    }

    [Theory]
    // tagged, requested by alice, matches the condition (year < 2000), watched: which kind decides
    [InlineData(true, true, true, true, RuleKind.Tag)]
    [InlineData(false, true, true, true, RuleKind.Requester)]
    [InlineData(false, false, true, true, RuleKind.Condition)]
    [InlineData(false, false, false, true, RuleKind.Watched)]
    [InlineData(false, false, false, false, RuleKind.Default)]
    [InlineData(true, false, false, false, RuleKind.Tag)]
    [InlineData(false, true, false, false, RuleKind.Requester)]
    public void Rule_kinds_apply_in_priority_order(bool tagged, bool requested, bool old, bool watched, RuleKind expected)
    {
        // Listed lowest priority first, to show the order comes from the kind, not the list.
        var rules = RuleSetWith(rules:
        [
            new WatchedRule { Name = "watched", Retention = RetentionPeriod.Days(1) },
            new ConditionRule
            {
                Name = "old",
                MediaType = MediaType.Movie,
                Groups = [new() { Conditions = [new() { Property = Engine.Rules.Conditions.ConditionProperty.Year, Operator = Engine.Rules.Conditions.ConditionOperator.LessThan, Value = "2000" }] }],
            },
            new RequesterRule { Name = "alice", Users = ["alice"], Retention = RetentionPeriod.Days(2) },
            new TagRule { Name = "kids", Tags = ["kids"], Retention = RetentionPeriod.Days(3) },
        ]);
        var movie = Movie(
            tags: tagged ? ["Kids"] : ["other"],
            requests: requested ? [Request("alice", 200)] : [],
            users: watched ? [Watched("bob", 5)] : []) with { Year = old ? 1990 : 2020 };

        var decision = Decide(movie, rules);

        Assert.Equal(expected, decision.Rule!.Kind);
    }

    [Fact]
    public void Within_a_kind_the_first_rule_in_the_list_wins()
    {
        var rules = RuleSetWith(rules:
        [
            new TagRule { Name = "first", Tags = ["b"], Retention = RetentionPeriod.Days(5) },
            new TagRule { Name = "second", Tags = ["a"], Retention = RetentionPeriod.Days(50) },
        ]);

        var decision = Decide(Movie(tags: ["a", "b"], addedDaysAgo: 0), rules);

        Assert.Equal("first", decision.Rule!.Name);
        Assert.Equal(0, decision.Rule.Index);
        Assert.Equal(Now.AddDays(5), decision.DueDate);
        Assert.Equal("tag 'b'", decision.Rule.MatchedOn);
    }

    [Theory]
    [InlineData(null, true, true)]
    [InlineData(MediaType.Movie, true, false)]
    [InlineData(MediaType.Series, false, true)]
    public void Policy_rules_apply_to_their_media_type(MediaType? type, bool movieMatches, bool seriesMatches)
    {
        var rules = RuleSetWith(rules: [new TagRule { Name = "t", Tags = ["x"], Retention = RetentionPeriod.Days(1), MediaType = type }]);

        var result = Evaluate(rules, null, Movie(tags: ["x"]), Series(tags: ["x"]));

        Assert.Equal(movieMatches, result.Find("movie:tmdb:1")!.Rule!.Kind == RuleKind.Tag);
        Assert.Equal(seriesMatches, result.Find("series:tvdb:1")!.Rule!.Kind == RuleKind.Tag);
    }

    [Fact]
    public void Disabled_rules_are_skipped()
    {
        var rules = RuleSetWith(rules: [new TagRule { Name = "off", Enabled = false, Tags = ["x"], Retention = RetentionPeriod.Never }]);

        Assert.Equal(RuleKind.Default, Decide(Movie(tags: ["x"]), rules).Rule!.Kind);
    }

    [Fact]
    public void A_never_tag_rule_keeps_even_what_the_default_would_delete()
    {
        var rules = RuleSetWith(rules: [new TagRule { Name = "keep", Tags = ["keep"], Retention = RetentionPeriod.Never }]);

        var decision = Decide(Movie(tags: ["keep"], addedDaysAgo: 1000), rules);

        Assert.Equal(DecisionStatus.NotDue, decision.Status);
        Assert.Null(decision.DueDate);
        Assert.Equal(DecisionReason.RetentionNever, decision.Trace.Reason);
    }

    [Theory]
    // who watched (user, days ago), require watched, expected due in days (null = not due), reason
    [InlineData(null, true, null, DecisionReason.AwaitingWatch)]
    [InlineData("bob", true, null, DecisionReason.AwaitingWatch)] // someone else's watch does not count
    [InlineData("alice", true, 3.0, DecisionReason.Scheduled)]
    [InlineData("ALICE", true, 3.0, DecisionReason.Scheduled)] // names compare case-insensitively
    [InlineData(null, false, -193.0, DecisionReason.Scheduled)] // from added (200 days ago)
    [InlineData("bob", false, -193.0, DecisionReason.Scheduled)] // bob's watch is not the requester's last watch
    public void Requester_rules_use_the_requesters_own_watch_state(string? watcher, bool requireWatched, double? dueInDays, DecisionReason reason)
    {
        var rules = RuleSetWith(rules: [new RequesterRule { Name = "guests", Users = ["alice"], Retention = RetentionPeriod.Days(7), RequireWatched = requireWatched }]);
        var movie = Movie(addedDaysAgo: 200, requests: [Request("alice", 200)], users: watcher is null ? [] : [Watched(watcher, 4)]);

        var decision = Decide(movie, rules);

        Assert.Equal(RuleKind.Requester, decision.Rule!.Kind);
        Assert.Equal(reason, decision.Trace.Reason);
        Assert.Equal(dueInDays is { } d ? Now.AddDays(d) : null, decision.DueDate);
    }

    [Fact]
    public void Requester_rules_match_by_email_and_need_every_named_requester_to_watch()
    {
        var rules = RuleSetWith(rules: [new RequesterRule { Name = "guests", Users = ["alice@example.com", "carol"], Retention = RetentionPeriod.Days(7), RequireWatched = true }]);
        var requests = new[] { Request("alice", 50, "Alice@Example.com"), Request("carol", 40), Request("dave", 40) };

        var onlyAlice = Decide(Movie(requests: requests, users: [Watched("alice", 2)]), rules);
        var both = Decide(Movie(requests: requests, users: [Watched("alice", 2), Watched("carol", 1)]), rules);

        Assert.Equal(DecisionReason.AwaitingWatch, onlyAlice.Trace.Reason);
        Assert.Equal(Now.AddDays(6), both.DueDate); // carol's later watch
    }

    [Theory]
    // watched-rule users, who watched, expected kind
    [InlineData(new string[0], "bob", RuleKind.Watched)]
    [InlineData(new[] { "alice" }, "bob", RuleKind.Default)]
    [InlineData(new[] { "alice", "bob" }, "bob", RuleKind.Watched)]
    [InlineData(new string[0], null, RuleKind.Default)]
    public void Watched_rules_match_only_watched_items(string[] users, string? watcher, RuleKind expected)
    {
        var rules = RuleSetWith(rules: [new WatchedRule { Name = "w", Users = users, Retention = RetentionPeriod.Days(10) }]);
        var movie = Movie(addedDaysAgo: 50, users: watcher is null ? [] : [Watched(watcher, 4)]);

        var decision = Decide(movie, rules);

        Assert.Equal(expected, decision.Rule!.Kind);
        if (expected == RuleKind.Watched) Assert.Equal(Now.AddDays(6), decision.DueDate);
    }

    [Fact]
    public void Series_use_the_series_default()
    {
        var decision = Decide(Series(addedDaysAgo: 10), RuleSetWith(series: "90d"));

        Assert.Equal(Now.AddDays(80), decision.DueDate);
        Assert.Equal("default for series", decision.Rule!.Name);
    }

    [Fact]
    public void Do_nothing_action_is_never_due()
    {
        var rules = RuleSetWith(rules: [new TagRule { Name = "hold", Tags = ["x"], Retention = RetentionPeriod.Days(1), Action = RuleAction.DoNothing }]);

        var decision = Decide(Movie(tags: ["x"], addedDaysAgo: 500), rules);

        Assert.Equal(DecisionStatus.NotDue, decision.Status);
        Assert.Equal(DecisionReason.DoNothing, decision.Trace.Reason);
    }

    [Theory]
    [InlineData(RuleAction.Delete)]
    [InlineData(RuleAction.UnmonitorAndDeleteFiles)]
    [InlineData(RuleAction.UnmonitorOnly)]
    public void The_decision_carries_the_rule_action(RuleAction action)
    {
        var rules = RuleSetWith(rules: [new TagRule { Name = "t", Tags = ["x"], Retention = RetentionPeriod.Days(1), Action = action }]);

        Assert.Equal(action, Decide(Movie(tags: ["x"]), rules).Action);
    }

    [Fact]
    public void Invalid_rule_sets_are_refused_rather_than_guessed()
    {
        var rules = RuleSetWith(rules: [new TagRule { Name = "t", Tags = ["x"], Retention = RetentionPeriod.Parse("soon") }]);

        var ex = Assert.Throws<InvalidRuleSetException>(() => Decide(Movie(), rules));

        Assert.True(ex.Errors.ContainsKey("rules[0].retention"));
    }

    [Fact]
    public void Evaluation_takes_the_time_from_a_time_provider()
    {
        var time = new FixedTime(Now);

        var result = RetentionEvaluator.Evaluate(new UnifiedLibrary([Movie(addedDaysAgo: 10)]), RuleSetWith(), EvaluationState.Empty, time);

        Assert.Equal(Now, result.EvaluatedAt);
        Assert.Equal(Now.AddDays(20), result.Find("movie:tmdb:1")!.DueDate);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
