using Cleanup.Engine.Evaluation;
using Cleanup.Engine.Library;
using Cleanup.Engine.Protections;
using Cleanup.Engine.Rules;
using Cleanup.Engine.Sources;
using static Cleanup.Engine.Tests.TestData;

namespace Cleanup.Engine.Tests.Evaluation;

public sealed class ProtectionTests
{
    // Every movie here is long overdue by the 30-day default and was flagged long ago: without a protection it is Due.
    private static readonly EvaluationState Overdue = FlaggedDaysAgo("movie:tmdb:1", 30);

    private static RuleSet AllProtectionsOn => RuleSetWith() with
    {
        Protections = new ProtectionOptions { FavoritesOf = ["*"], InProgress = true, CurrentlyPlaying = true, RequestedWithin = RetentionPeriod.Days(14) },
    };

    [Fact]
    public void Without_a_protection_the_overdue_movie_is_due()
    {
        var decision = Decide(Movie(addedDaysAgo: 365), AllProtectionsOn, Overdue);

        Assert.Equal(DecisionStatus.Due, decision.Status);
        Assert.Empty(decision.Protections);
    }

    public static TheoryData<string, LibraryItem, EvaluationState, ProtectionKind> Cases => new()
    {
        { "manual keep", Movie(addedDaysAgo: 365), Overdue with { Keeps = ["movie:tmdb:1"] }, ProtectionKind.ManualKeep },
        { "postponed", Movie(addedDaysAgo: 365), Overdue with { PostponedUntil = new Dictionary<string, DateTimeOffset> { ["movie:tmdb:1"] = Now.AddDays(1) } }, ProtectionKind.Postponed },
        { "favorite", Movie(addedDaysAgo: 365, users: [Favorite("bob")]), Overdue, ProtectionKind.Favorite },
        { "in progress", Movie(addedDaysAgo: 365, users: [InProgress("bob", 100)]), Overdue, ProtectionKind.InProgress },
        { "playing", Movie(addedDaysAgo: 365, users: [Playing("bob")]), Overdue, ProtectionKind.CurrentlyPlaying },
        { "requested 3 days ago", Movie(addedDaysAgo: 365, requests: [Request("carol", 3)]), Overdue, ProtectionKind.RecentlyRequested },
        { "requested exactly 14 days ago", Movie(addedDaysAgo: 365, requests: [Request("carol", 14)]), Overdue, ProtectionKind.RecentlyRequested },
        { "watch state unknown", Movie(addedDaysAgo: 365, unknownBecause: ["jellyfin"]), Overdue, ProtectionKind.UnknownWatchState },
        { "not managed", Movie(addedDaysAgo: 365) with { Sources = [new SourceRef(ServiceKind.Jellyfin, "jellyfin", "abc")] }, Overdue, ProtectionKind.NotManaged },
        { "requests unknown", Movie(addedDaysAgo: 365) with { RequestsKnown = false }, Overdue, ProtectionKind.UnknownRequests },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_protection_keeps_an_overdue_item(string name, LibraryItem item, EvaluationState state, ProtectionKind expected)
    {
        var decision = Decide(item, AllProtectionsOn, state);

        Assert.True(decision.Status == DecisionStatus.Kept, name);
        Assert.Contains(decision.Protections, p => p.Kind == expected);
        Assert.Null(decision.DeletionDate);
        Assert.NotNull(decision.DueDate); // the rule's verdict is still shown
    }

    [Theory]
    [InlineData("expired postponement", 0)]
    [InlineData("expired postponement", -1)]
    public void A_postponement_that_has_passed_no_longer_protects(string name, double daysFromNow)
    {
        var state = Overdue with { PostponedUntil = new Dictionary<string, DateTimeOffset> { ["movie:tmdb:1"] = Now.AddDays(daysFromNow) } };

        Assert.True(Decide(Movie(addedDaysAgo: 365), AllProtectionsOn, state).Status == DecisionStatus.Due, name);
    }

    [Theory]
    [InlineData(15.0)]
    [InlineData(100.0)]
    public void Old_requests_do_not_protect(double daysAgo)
    {
        var decision = Decide(Movie(addedDaysAgo: 365, requests: [Request("carol", daysAgo)]), AllProtectionsOn, Overdue);

        Assert.Equal(DecisionStatus.Due, decision.Status);
    }

    [Theory]
    // favoritesOf setting, who favorited, protected?
    [InlineData(new[] { "*" }, "bob", true)]
    [InlineData(new[] { "bob" }, "BOB", true)]
    [InlineData(new[] { "alice" }, "bob", false)]
    [InlineData(new string[0], "bob", false)]
    public void Favorites_protect_only_for_the_chosen_users(string[] favoritesOf, string fan, bool protects)
    {
        var rules = AllProtectionsOn with { Protections = AllProtectionsOn.Protections with { FavoritesOf = favoritesOf } };

        var decision = Decide(Movie(addedDaysAgo: 365, users: [Favorite(fan)]), rules, Overdue);

        Assert.Equal(protects ? DecisionStatus.Kept : DecisionStatus.Due, decision.Status);
    }

    [Theory]
    [InlineData(false, false, false)]
    [InlineData(true, false, true)]
    public void In_progress_and_playing_protection_can_be_switched_off(bool inProgress, bool playing, bool protectedInProgress)
    {
        var rules = AllProtectionsOn with { Protections = AllProtectionsOn.Protections with { InProgress = inProgress, CurrentlyPlaying = playing } };

        var started = Decide(Movie(addedDaysAgo: 365, users: [InProgress("bob", 50)]), rules, Overdue);
        var watching = Decide(Movie(addedDaysAgo: 365, users: [Playing("bob")]), rules, Overdue);

        Assert.Equal(protectedInProgress ? DecisionStatus.Kept : DecisionStatus.Due, started.Status);
        Assert.Equal(DecisionStatus.Due, watching.Status);
    }

    [Fact]
    public void Unknown_watch_state_protects_even_when_the_rule_ignores_watching()
    {
        var rules = RuleSetWith(basis: RetentionBase.Added);

        var decision = Decide(Movie(addedDaysAgo: 365, unknownBecause: ["jellystat"]), rules, Overdue);

        Assert.Equal(DecisionStatus.Kept, decision.Status);
        Assert.Equal(WatchStatus.Unknown, decision.Trace.Watch);
        Assert.Contains("jellystat", decision.Protections.Single().Describe());
    }

    [Fact]
    public void Unknown_watch_state_keeps_the_flag_so_a_failure_neither_resets_nor_advances_the_grace_period()
    {
        var decision = Decide(Movie(addedDaysAgo: 365, unknownBecause: ["jellyfin"]), RuleSetWith(), FlaggedDaysAgo("movie:tmdb:1", 3));

        Assert.Equal(DecisionStatus.Kept, decision.Status);
        Assert.Equal(DaysAgo(3), decision.FlaggedAt);
    }

    [Fact]
    public void A_chosen_protection_clears_the_flag_so_the_grace_period_starts_again()
    {
        var state = FlaggedDaysAgo("movie:tmdb:1", 3) with { Keeps = ["movie:tmdb:1"] };

        var decision = Decide(Movie(addedDaysAgo: 365), RuleSetWith(), state);

        Assert.Null(decision.FlaggedAt);
    }

    [Fact]
    public void Requests_unknown_protects_only_when_requests_matter()
    {
        var item = Movie(addedDaysAgo: 365) with { RequestsKnown = false };
        var noRequestRules = RuleSetWith();
        var requesterRules = RuleSetWith(rules: [new RequesterRule { Name = "r", Users = ["x"], Retention = RetentionPeriod.Days(1) }]);

        Assert.Equal(DecisionStatus.Due, Decide(item, noRequestRules, Overdue).Status);
        Assert.Equal(DecisionStatus.Kept, Decide(item, requesterRules, Overdue).Status);
    }

    [Fact]
    public void Unmatched_items_are_kept_and_never_evaluated_by_rules()
    {
        var item = Movie("unmatched:jellyfin:movie:abc", addedDaysAgo: 365) with { IsMatched = false, UnmatchedReason = "no ids" };

        var decision = Decide(item, RuleSetWith(), FlaggedDaysAgo("unmatched:jellyfin:movie:abc", 100));

        Assert.Equal(DecisionStatus.Kept, decision.Status);
        Assert.Equal(ProtectionKind.Unmatched, Assert.Single(decision.Protections).Kind);
        Assert.Null(decision.Rule);
        Assert.Null(decision.DueDate);
        Assert.Equal(RuleAction.DoNothing, decision.Action);
    }

    [Theory]
    // where the keep is, which item is checked, protected?
    [InlineData("series:tvdb:1", "episode:tvdb:1:s01e01", true)] // down from the show
    [InlineData("season:tvdb:1:s01", "episode:tvdb:1:s01e01", true)] // down from the season
    [InlineData("season:tvdb:1:s02", "episode:tvdb:1:s01e01", false)] // another season
    [InlineData("episode:tvdb:1:s01e01", "season:tvdb:1:s01", true)] // up: deleting the season would delete the kept episode
    [InlineData("episode:tvdb:1:s01e01", "series:tvdb:1", true)]
    [InlineData("episode:tvdb:1:s01e01", "episode:tvdb:1:s01e02", false)] // a sibling
    public void Manual_keeps_cascade(string keptId, string checkedId, bool protects)
    {
        var (result, _) = EvaluateShow(EvaluationState.Empty with { Keeps = [keptId] });

        var decision = result.Find(checkedId)!;
        Assert.Equal(protects, decision.Protections.Any(p => p.Kind == ProtectionKind.ManualKeep));
        if (protects && keptId != checkedId) Assert.Equal(keptId, decision.Protections.Single(p => p.Kind == ProtectionKind.ManualKeep).FromItemId);
    }

    [Theory]
    [InlineData("series:tvdb:1", "episode:tvdb:1:s02e01", true)]
    [InlineData("episode:tvdb:1:s02e01", "series:tvdb:1", true)]
    [InlineData("episode:tvdb:1:s02e01", "season:tvdb:1:s01", false)]
    public void Postponements_cascade_like_keeps(string postponedId, string checkedId, bool protects)
    {
        var state = EvaluationState.Empty with { PostponedUntil = new Dictionary<string, DateTimeOffset> { [postponedId] = Now.AddDays(3) } };

        var (result, _) = EvaluateShow(state);

        var postponement = result.Find(checkedId)!.Protections.SingleOrDefault(p => p.Kind == ProtectionKind.Postponed);
        Assert.Equal(protects, postponement is not null);
        if (protects) Assert.Equal(Now.AddDays(3), postponement!.Date);
    }

    [Theory]
    [InlineData("series", "episode:tvdb:1:s01e01", true)]
    [InlineData("episode", "series:tvdb:1", true)]
    [InlineData("episode", "episode:tvdb:1:s01e02", false)]
    public void Favorites_cascade_down_from_the_show_and_up_from_an_episode(string favoriteOn, string checkedId, bool protects)
    {
        var (result, _) = EvaluateShow(EvaluationState.Empty, favoriteOn, favoritesOf: ["*"]);

        Assert.Equal(protects, result.Find(checkedId)!.Protections.Any(p => p.Kind == ProtectionKind.Favorite));
    }

    /// <summary>A show with two seasons of two episodes, an episode rule that covers every episode, and a season condition rule.</summary>
    private static (EvaluationResult, RuleSet) EvaluateShow(EvaluationState state, string? favoriteOn = null, string[]? favoritesOf = null)
    {
        const string id = "series:tvdb:1";
        var fan = new[] { Favorite("bob") };
        var items = new List<LibraryItem>
        {
            Series(id, users: favoriteOn == "series" ? fan : null),
            Season(id, 1),
            Season(id, 2),
            Episode(id, 1, 1, users: favoriteOn == "episode" ? fan : null),
            Episode(id, 1, 2),
            Episode(id, 2, 1),
            Episode(id, 2, 2),
        };
        var rules = RuleSetWith(rules:
        [
            new EpisodeRule { Name = "old episodes", MaxAge = RetentionPeriod.Days(30) },
            new ConditionRule
            {
                Name = "all seasons",
                MediaType = MediaType.Season,
                Groups = [new() { Conditions = [new() { Property = Engine.Rules.Conditions.ConditionProperty.SeasonNumber, Operator = Engine.Rules.Conditions.ConditionOperator.GreaterThan, Value = "0" }] }],
            },
        ]) with
        {
            Protections = new ProtectionOptions { FavoritesOf = favoritesOf ?? [], InProgress = false, CurrentlyPlaying = false, RequestedWithin = RetentionPeriod.Never },
        };

        return (Evaluate(rules, state, [.. items]), rules);
    }
}
