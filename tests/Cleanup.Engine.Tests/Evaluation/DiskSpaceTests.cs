using Cleanup.Engine.Evaluation;
using Cleanup.Engine.Library;
using Cleanup.Engine.Timeline;
using static Cleanup.Engine.Tests.TestData;

namespace Cleanup.Engine.Tests.Evaluation;

public sealed class DiskSpaceTests
{
    private const long Gb = 1_000_000_000;

    // All overdue and flagged long ago: without disk-space mode every one is Due.
    private static readonly LibraryItem[] Items =
    [
        Movie("movie:tmdb:1", 400, size: 10 * Gb, users: [Watched("alice", 200)]),
        Movie("movie:tmdb:2", 400, size: 30 * Gb, users: [Watched("alice", 200)]), // same last watch, larger: before 1
        Movie("movie:tmdb:3", 400, size: 5 * Gb), // never watched: first
        Movie("movie:tmdb:4", 400, size: 50 * Gb, users: [Watched("alice", 40)]), // watched most recently: last
    ];

    private static EvaluationState Flagged(long? freeBytes) => new()
    {
        FlaggedAt = Items.ToDictionary(i => i.Id, _ => DaysAgo(100)),
        FreeSpaceBytes = freeBytes,
    };

    [Theory]
    // free space (GB), threshold (GB), items left due
    [InlineData(200L, 100.0, new string[0])] // enough space: nothing goes
    [InlineData(100L, 100.0, new string[0])] // exactly at the threshold: enough
    [InlineData(99L, 100.0, new[] { "movie:tmdb:3" })] // 99 + 5 >= 100
    [InlineData(90L, 100.0, new[] { "movie:tmdb:3", "movie:tmdb:2" })] // 90 + 5 + 30
    [InlineData(60L, 100.0, new[] { "movie:tmdb:3", "movie:tmdb:2", "movie:tmdb:1" })] // 60 + 5 + 30 + 10 = 105
    [InlineData(0L, 1000.0, new[] { "movie:tmdb:3", "movie:tmdb:2", "movie:tmdb:1", "movie:tmdb:4" })]
    public void Deletes_least_valuable_first_only_while_space_is_short(long freeGb, double thresholdGb, string[] expectedDue)
    {
        var rules = RuleSetWith() with { DiskSpace = new DiskSpaceOptions { Enabled = true, MinimumFreeGb = thresholdGb } };

        var result = Evaluate(rules, Flagged(freeGb * Gb), Items);

        Assert.Equal(expectedDue.Order(), result.Due.Select(d => d.ItemId).Order());
        Assert.All(result.LeavingSoon, d => Assert.Equal(DiskSpaceHold.HeldBackEnoughSpace, d.Trace.DiskSpace));
        Assert.All(result.Due, d => Assert.Equal(DiskSpaceHold.Selected, d.Trace.DiskSpace));
        Assert.Equal(4, result.FlaggedAt.Count); // held-back items stay flagged
    }

    [Fact]
    public void Unknown_free_space_deletes_nothing()
    {
        var rules = RuleSetWith() with { DiskSpace = new DiskSpaceOptions { Enabled = true, MinimumFreeGb = 100 } };

        var result = Evaluate(rules, Flagged(null), Items);

        Assert.Empty(result.Due);
        Assert.All(result.LeavingSoon, d => Assert.Equal(DiskSpaceHold.HeldBackFreeSpaceUnknown, d.Trace.DiskSpace));
    }

    [Fact]
    public void Without_disk_space_mode_every_overdue_item_is_due()
    {
        var result = Evaluate(RuleSetWith(), Flagged(0), Items);

        Assert.Equal(4, result.Due.Count());
        Assert.All(result.Due, d => Assert.Equal(DiskSpaceHold.NotApplied, d.Trace.DiskSpace));
    }
}
