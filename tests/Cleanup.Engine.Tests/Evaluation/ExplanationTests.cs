using Cleanup.Engine.Evaluation;
using Cleanup.Engine.Rules;
using static Cleanup.Engine.Tests.TestData;

namespace Cleanup.Engine.Tests.Evaluation;

public sealed class ExplanationTests
{
    [Fact]
    public void An_overdue_item_explains_its_rule_dates_and_grace_period()
    {
        var rules = RuleSetWith(rules: [new TagRule { Name = "Kids", Tags = ["kids"], Retention = RetentionPeriod.Days(30), RetentionBase = RetentionBase.Added }]);

        var decision = Decide(Movie(tags: ["kids"], addedDaysAgo: 100), rules);

        Assert.Equal(
        [
            "Matched tag rule 'Kids', tag 'kids' (keep 30d).",
            "Nobody has watched it.",
            "Counted from when it was added, 2026-08-13 12:00 UTC: due 2026-09-12 12:00 UTC.",
            "First shown as leaving soon 2026-11-21 12:00 UTC; the 14-day grace period moves deletion to 2026-12-05 12:00 UTC.",
        ], decision.Trace.Sentences);
        Assert.Equal(DecisionBasis.Added, decision.Trace.Basis);
        Assert.Equal(DaysAgo(100), decision.Trace.BasisDate);
        Assert.True(decision.Trace.GraceExtended);
        Assert.Equal("30d", decision.Trace.Retention);
    }

    [Fact]
    public void A_watched_item_not_yet_in_the_window_says_when_it_enters_it()
    {
        var decision = Decide(Movie(addedDaysAgo: 100, users: [Watched("alice", 1)]), RuleSetWith(movies: "30d"));

        Assert.Equal(
        [
            "No rule matched; the default for movies applies (keep 30d).",
            "Counted from the last watch, 2026-11-20 12:00 UTC: due 2026-12-20 12:00 UTC.",
            "Not yet within the 14-day leaving-soon window (it enters it 2026-12-06 12:00 UTC).",
        ], decision.Trace.Sentences);
    }

    [Fact]
    public void Protections_and_unknown_state_are_explained()
    {
        var state = EvaluationState.Empty with { Keeps = ["movie:tmdb:1"] };

        var decision = Decide(Movie(addedDaysAgo: 100, unknownBecause: ["jellyfin-main"]), RuleSetWith(), state);

        Assert.Contains("Watch state is unknown this run.", decision.Trace.Sentences);
        Assert.Contains("Kept by hand.", decision.Trace.Sentences);
        Assert.Contains(decision.Trace.Sentences, s => s.Contains("jellyfin-main failed this run; unknown is never unwatched"));
        Assert.DoesNotContain(decision.Trace.Sentences, s => s.Contains("Nobody has watched it"));
    }

    [Theory]
    [InlineData("never", "Its retention is never: this movie is never due.")]
    [InlineData("0d", "Its retention is 0d: this movie is never due.")]
    public void Never_due_items_say_why(string retention, string sentence)
    {
        var decision = Decide(Movie(), RuleSetWith(movies: retention));

        Assert.Contains(sentence, decision.Trace.Sentences);
    }

    [Fact]
    public void Disk_space_holds_are_explained()
    {
        var rules = RuleSetWith() with { DiskSpace = new Timeline.DiskSpaceOptions { Enabled = true, MinimumFreeGb = 1 } };
        var state = FlaggedDaysAgo("movie:tmdb:1", 30) with { FreeSpaceBytes = 5_000_000_000 };

        var decision = Decide(Movie(addedDaysAgo: 100), rules, state);

        Assert.Equal(DecisionStatus.LeavingSoon, decision.Status);
        Assert.Equal("Disk-space mode: held back because enough space is free.", decision.Trace.Sentences[^1]);
    }
}
