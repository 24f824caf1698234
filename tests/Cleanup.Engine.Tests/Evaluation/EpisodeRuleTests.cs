using Cleanup.Engine.Evaluation;
using Cleanup.Engine.Library;
using Cleanup.Engine.Rules;
using Cleanup.Engine.Sources;
using static Cleanup.Engine.Tests.TestData;

namespace Cleanup.Engine.Tests.Evaluation;

public sealed class EpisodeRuleTests
{
    private const string Show = "series:tvdb:1";

    /// <summary>Specials S00E01, seasons 1 and 2 with three episodes each, season 3 with one; older seasons added earlier.</summary>
    private static LibraryItem[] Library(SeriesStatus status = SeriesStatus.Ended, string[]? tags = null, Func<int, int, UserWatch[]?>? users = null)
    {
        var items = new List<LibraryItem> { Series(Show, status: status, tags: tags) };
        void Add(int season, int episode, double addedDaysAgo) =>
            items.Add(Episode(Show, season, episode, addedDaysAgo, users?.Invoke(season, episode), status, tags));
        Add(0, 1, 10);
        for (var e = 1; e <= 3; e++) Add(1, e, 300 - e);
        for (var e = 1; e <= 3; e++) Add(2, e, 100 - e);
        Add(3, 1, 5);
        return [.. items];
    }

    private static string[] DueOrFlagged(EvaluationResult result) =>
        result.Decisions.Where(d => d.MediaType == MediaType.Episode && d.DueDate is not null).Select(d => d.ItemId["episode:tvdb:1".Length..]).Order().ToArray();

    [Theory]
    // keep latest episodes, keep latest seasons, max age, episodes that get a due date
    [InlineData(2, null, "never", new[] { ":s00e01", ":s01e01", ":s01e02", ":s01e03", ":s02e01", ":s02e02" })]
    [InlineData(4, null, "never", new[] { ":s00e01", ":s01e01", ":s01e02", ":s01e03" })]
    [InlineData(null, 1, "never", new[] { ":s00e01", ":s01e01", ":s01e02", ":s01e03", ":s02e01", ":s02e02", ":s02e03" })]
    [InlineData(null, 2, "never", new[] { ":s00e01", ":s01e01", ":s01e02", ":s01e03" })]
    [InlineData(null, 3, "never", new[] { ":s00e01" })] // specials are the oldest season
    [InlineData(1, 2, "never", new[] { ":s00e01", ":s01e01", ":s01e02", ":s01e03" })] // union of both kept sets
    [InlineData(100, null, "never", new string[0])]
    [InlineData(null, null, "30d", new[] { ":s00e01", ":s01e01", ":s01e02", ":s01e03", ":s02e01", ":s02e02", ":s02e03", ":s03e01" })]
    public void Keeps_the_latest_episodes_or_seasons(int? latestEpisodes, int? latestSeasons, string maxAge, string[] expected)
    {
        var rules = RuleSetWith(rules: [new EpisodeRule { Name = "trim", KeepLatestEpisodes = latestEpisodes, KeepLatestSeasons = latestSeasons, MaxAge = RetentionPeriod.Parse(maxAge) }]);

        var result = Evaluate(rules, null, Library());

        Assert.Equal(expected, DueOrFlagged(result));
    }

    [Theory]
    // max age, episode added (days ago), expected due (days from now)
    [InlineData("never", 297.0, -297.0)] // outside the kept set, no age limit: due from when it was added
    [InlineData("0d", 297.0, -297.0)]
    [InlineData("30d", 297.0, -267.0)]
    [InlineData("400d", 297.0, 103.0)]
    public void Max_age_counts_from_the_added_date(string maxAge, double addedDaysAgo, double dueInDays)
    {
        var rules = RuleSetWith(rules: [new EpisodeRule { Name = "trim", KeepLatestEpisodes = 1, MaxAge = RetentionPeriod.Parse(maxAge) }]);

        var decision = Evaluate(rules, null, Library()).Find("episode:tvdb:1:s01e03")!;

        Assert.Equal(DaysAgo(addedDaysAgo), decision.Trace.BasisDate);
        Assert.Equal(Now.AddDays(dueInDays), decision.DueDate);
        Assert.Equal(RuleKind.Episode, decision.Rule!.Kind);
    }

    [Fact]
    public void Kept_episodes_say_why()
    {
        var rules = RuleSetWith(rules: [new EpisodeRule { Name = "trim", KeepLatestEpisodes = 1 }]);

        var decision = Evaluate(rules, null, Library()).Find("episode:tvdb:1:s03e01")!;

        Assert.Equal(DecisionStatus.NotDue, decision.Status);
        Assert.Equal(DecisionReason.InsideKeptSet, decision.Trace.Reason);
    }

    [Theory]
    [InlineData(SeriesStatus.Continuing, true, 0)]
    [InlineData(SeriesStatus.Ended, true, 7)]
    [InlineData(SeriesStatus.Continuing, false, 7)]
    public void Continuing_series_can_be_skipped(SeriesStatus status, bool skip, int expectedDecisions)
    {
        var rules = RuleSetWith(rules: [new EpisodeRule { Name = "trim", KeepLatestEpisodes = 1, SkipContinuingSeries = skip }]);

        var result = Evaluate(rules, null, Library(status));

        Assert.Equal(expectedDecisions, result.Decisions.Count(d => d.MediaType == MediaType.Episode && d.DueDate is not null));
    }

    [Theory]
    [InlineData(new[] { "anime" }, new[] { "anime" }, true)]
    [InlineData(new[] { "anime" }, new[] { "ANIME", "x" }, true)]
    [InlineData(new[] { "anime" }, new string[0], false)]
    [InlineData(new string[0], new[] { "x" }, true)]
    public void Episode_rules_can_be_limited_to_tagged_series(string[] ruleTags, string[] seriesTags, bool applies)
    {
        var rules = RuleSetWith(rules: [new EpisodeRule { Name = "trim", KeepLatestEpisodes = 1, Tags = ruleTags }]);

        var result = Evaluate(rules, null, Library(tags: seriesTags));

        Assert.Equal(applies, result.Find("episode:tvdb:1:s01e01") is not null);
    }

    [Fact]
    public void The_first_applicable_episode_rule_decides_and_later_ones_are_fallbacks()
    {
        var rules = RuleSetWith(rules:
        [
            new EpisodeRule { Name = "anime", Tags = ["anime"], KeepLatestEpisodes = 1 },
            new EpisodeRule { Name = "everything", KeepLatestSeasons = 1 },
        ]);

        var tagged = Evaluate(rules, null, Library(tags: ["anime"])).Find("episode:tvdb:1:s02e03")!;
        var untagged = Evaluate(rules, null, Library()).Find("episode:tvdb:1:s02e03")!;

        Assert.Equal("anime", tagged.Rule!.Name);
        Assert.Equal("everything", untagged.Rule!.Name);
    }

    [Theory]
    [InlineData(false, DecisionReason.AwaitingWatch)]
    [InlineData(true, DecisionReason.Scheduled)]
    public void Episode_rules_can_require_a_watch(bool watched, DecisionReason reason)
    {
        var rules = RuleSetWith(rules: [new EpisodeRule { Name = "watched", KeepLatestEpisodes = 1, RequireWatched = true }]);

        var result = Evaluate(rules, null, Library(users: (s, e) => watched && s == 1 ? [Watched("alice", 50)] : null));

        Assert.Equal(reason, result.Find("episode:tvdb:1:s01e01")!.Trace.Reason);
    }

    [Fact]
    public void Without_episode_rules_episodes_get_no_decision()
    {
        var result = Evaluate(RuleSetWith(), null, Library());

        Assert.DoesNotContain(result.Decisions, d => d.MediaType is MediaType.Episode or MediaType.Season);
        Assert.NotNull(result.Find(Show));
    }
}
