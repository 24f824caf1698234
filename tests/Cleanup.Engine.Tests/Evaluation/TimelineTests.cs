using Cleanup.Engine.Evaluation;
using Cleanup.Engine.Rules;
using Cleanup.Engine.Timeline;
using static Cleanup.Engine.Tests.TestData;

namespace Cleanup.Engine.Tests.Evaluation;

public sealed class TimelineTests
{
    private static readonly TimeSpan Window = TimeSpan.FromDays(14);
    private static readonly TimeSpan Grace = TimeSpan.FromDays(14);

    [Theory]
    // due (days from now), flagged (days ago; null = never flagged), status, deletion (days from now), flagged at (days ago)
    [InlineData(30.0, null, DecisionStatus.NotDue, null, null)]
    [InlineData(14.001, null, DecisionStatus.NotDue, null, null)] // just outside the window
    [InlineData(14.0, null, DecisionStatus.LeavingSoon, 14.0, 0.0)] // exactly at the window edge: in
    [InlineData(5.0, null, DecisionStatus.LeavingSoon, 14.0, 0.0)] // first seen inside the window: the grace period decides
    [InlineData(-100.0, null, DecisionStatus.LeavingSoon, 14.0, 0.0)] // overdue when first seen: still shown for the whole grace
    [InlineData(-100.0, 13.0, DecisionStatus.LeavingSoon, 1.0, 13.0)]
    [InlineData(-100.0, 14.0, DecisionStatus.Due, 0.0, 14.0)] // the grace period just ended
    [InlineData(-100.0, 40.0, DecisionStatus.Due, -26.0, 40.0)]
    [InlineData(10.0, 10.0, DecisionStatus.LeavingSoon, 10.0, 10.0)] // due after the grace: the due date decides
    [InlineData(0.0, 14.0, DecisionStatus.Due, 0.0, 14.0)] // due exactly now
    [InlineData(30.0, 3.0, DecisionStatus.NotDue, null, null)] // no longer due soon (rules changed): the flag goes
    public void Places_items_on_the_timeline(double dueInDays, double? flaggedDaysAgo, DecisionStatus status, double? deletionInDays, double? flaggedAtDaysAgo)
    {
        var placement = DeletionTimeline.Place(Now.AddDays(dueInDays), DaysAgoOrNull(flaggedDaysAgo), Now, Window, Grace);

        Assert.Equal(status, placement.Status);
        Assert.Equal(deletionInDays is { } d ? Now.AddDays(d) : null, placement.DeletionDate);
        Assert.Equal(DaysAgoOrNull(flaggedAtDaysAgo), placement.FlaggedAt);
    }

    [Theory]
    [InlineData("0d", "0d", 1.0, DecisionStatus.NotDue)]
    [InlineData("0d", "0d", 0.0, DecisionStatus.Due)]
    [InlineData("0d", "7d", -1.0, DecisionStatus.LeavingSoon)]
    [InlineData("30d", "0d", -1.0, DecisionStatus.Due)]
    public void Zero_window_or_grace_are_simply_zero(string window, string grace, double dueInDays, DecisionStatus status)
    {
        var placement = DeletionTimeline.Place(
            Now.AddDays(dueInDays), null, Now, RetentionPeriod.Parse(window).Duration!.Value, RetentionPeriod.Parse(grace).Duration!.Value);

        Assert.Equal(status, placement.Status);
    }

    [Fact]
    public void An_overdue_item_is_deleted_only_after_being_shown_for_the_whole_grace_period()
    {
        var rules = RuleSetWith(movies: "30d");
        var movie = Movie(addedDaysAgo: 400); // overdue by a year when first seen
        var state = EvaluationState.Empty;

        // Run every day; persist the flags as the workflow does.
        DateTimeOffset? deletedOn = null;
        for (var day = 0; day <= 20 && deletedOn is null; day++)
        {
            var now = Now.AddDays(day);
            var result = RetentionEvaluator.Evaluate(new Engine.Library.UnifiedLibrary([movie]), rules, state, now);
            var decision = result.Find(movie.Id)!;
            if (decision.Status == DecisionStatus.Due) deletedOn = now;
            state = state with { FlaggedAt = result.FlaggedAt };
        }

        Assert.Equal(Now.AddDays(14), deletedOn);
    }

    [Fact]
    public void The_flags_to_persist_say_what_changed()
    {
        var rules = RuleSetWith(movies: "30d");
        var previous = new EvaluationState
        {
            FlaggedAt = new Dictionary<string, DateTimeOffset>
            {
                ["movie:tmdb:1"] = DaysAgo(2), // still flagged: unchanged
                ["movie:tmdb:2"] = DaysAgo(2), // no longer due soon: cleared
                ["movie:tmdb:9"] = DaysAgo(2), // not in this library at all: orphaned
            },
        };

        var result = Evaluate(rules, previous, Movie("movie:tmdb:1", 100), Movie("movie:tmdb:2", 1), Movie("movie:tmdb:3", 100));
        var changes = result.ChangesFrom(previous);

        Assert.Equal(new Dictionary<string, DateTimeOffset> { ["movie:tmdb:3"] = Now }, changes.Set);
        Assert.Equal(["movie:tmdb:2"], changes.Cleared);
        Assert.Equal(["movie:tmdb:9"], changes.Orphaned);
    }

    [Fact]
    public void Dates_near_the_end_of_time_do_not_overflow()
    {
        var placement = DeletionTimeline.Place(DateTimeOffset.MaxValue.AddDays(-1), DateTimeOffset.MaxValue.AddDays(-1), DateTimeOffset.MaxValue.AddDays(-1), Window, Grace);

        Assert.Equal(DateTimeOffset.MaxValue, placement.DeletionDate);
    }
}
