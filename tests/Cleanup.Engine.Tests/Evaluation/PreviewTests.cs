using Cleanup.Engine.Evaluation;
using Cleanup.Engine.Library;
using Cleanup.Engine.Rules;
using static Cleanup.Engine.Tests.TestData;

namespace Cleanup.Engine.Tests.Evaluation;

public sealed class PreviewTests
{
    private static readonly UnifiedLibrary Library = new(
    [
        Movie("movie:tmdb:1", addedDaysAgo: 100), // overdue under 30d and flagged 20 days ago: due
        Movie("movie:tmdb:2", addedDaysAgo: 20), // due in 10 days under 30d: leaving soon; not under 90d
        Movie("movie:tmdb:3", addedDaysAgo: 70), // overdue under 30d but first flagged now: leaving soon
        Movie("movie:tmdb:4", addedDaysAgo: 5), // due in 25 days under 30d; in 5 days under 10d
    ]);

    private static readonly EvaluationState State = FlaggedDaysAgo("movie:tmdb:1", 20);

    [Fact]
    public void Shows_what_enters_and_leaves_leaving_soon_and_what_would_be_deleted()
    {
        var preview = RulePreview.Run(Library, RuleSetWith(movies: "30d"), RuleSetWith(movies: "10d"), State, Now);

        Assert.Equal(["movie:tmdb:4"], Ids(preview.EnteringLeavingSoon));
        Assert.Empty(preview.LeavingLeavingSoon);
        Assert.Equal(["movie:tmdb:1"], preview.WouldDelete.Select(d => d.ItemId));
        Assert.Empty(preview.NewlyDue);
        Assert.Equal(4_000_000_000, preview.BytesWouldFree);
    }

    [Fact]
    public void Longer_retention_takes_items_off_the_timeline()
    {
        var preview = RulePreview.Run(Library, RuleSetWith(movies: "30d"), RuleSetWith(movies: "90d"), State, Now);

        Assert.Equal(["movie:tmdb:2", "movie:tmdb:3"], Ids(preview.LeavingLeavingSoon));
        Assert.Equal(["movie:tmdb:1"], preview.WouldDelete.Select(d => d.ItemId)); // 100 days > 90 and its grace has run
        Assert.Empty(preview.NoLongerDue);
    }

    [Fact]
    public void Keeping_forever_means_nothing_would_be_deleted()
    {
        var preview = RulePreview.Run(Library, RuleSetWith(movies: "30d"), RuleSetWith(movies: "never"), State, Now);

        Assert.Empty(preview.WouldDelete);
        Assert.Equal(["movie:tmdb:1"], Ids(preview.NoLongerDue));
        Assert.Equal(["movie:tmdb:1", "movie:tmdb:2", "movie:tmdb:3"], Ids(preview.LeavingLeavingSoon));
        Assert.Equal(0, preview.BytesWouldFree);
        Assert.All(preview.Changed, c => Assert.Equal(DecisionStatus.NotDue, c.After!.Status));
    }

    [Fact]
    public void Newly_due_items_are_listed_with_both_decisions()
    {
        var state = State with { FlaggedAt = new Dictionary<string, DateTimeOffset> { ["movie:tmdb:1"] = DaysAgo(20), ["movie:tmdb:4"] = DaysAgo(20) } };

        var preview = RulePreview.Run(Library, RuleSetWith(movies: "30d"), RuleSetWith(movies: "1d"), state, Now);

        var change = Assert.Single(preview.NewlyDue);
        Assert.Equal("movie:tmdb:4", change.ItemId);
        Assert.Equal(DecisionStatus.NotDue, change.Before!.Status); // due in 25 days: outside the window
        Assert.Equal(DecisionStatus.Due, change.After!.Status);
    }

    [Fact]
    public void Identical_rules_change_nothing()
    {
        var preview = RulePreview.Run(Library, RuleSetWith(), RuleSetWith(), State, Now);

        Assert.Empty(preview.Changed);
        Assert.Empty(preview.EnteringLeavingSoon);
        Assert.Empty(preview.LeavingLeavingSoon);
    }

    [Fact]
    public void Items_only_the_current_rules_decide_count_as_leaving()
    {
        var show = new UnifiedLibrary([Series("series:tvdb:1"), Episode("series:tvdb:1", 1, 1), Episode("series:tvdb:1", 1, 2)]);
        var withEpisodes = RuleSetWith(series: "never", rules: [new EpisodeRule { Name = "e", KeepLatestEpisodes = 1 }]);

        var preview = RulePreview.Run(show, withEpisodes, RuleSetWith(series: "never"), EvaluationState.Empty, Now);

        Assert.Equal(["episode:tvdb:1:s01e01"], Ids(preview.LeavingLeavingSoon));
        Assert.Null(preview.LeavingLeavingSoon[0].After);
    }

    private static string[] Ids(IEnumerable<PreviewChange> changes) => changes.Select(c => c.ItemId).Order().ToArray();
}
