using Cleanup.Engine.Sources;
using Cleanup.Integrations.Http;

namespace Cleanup.Integrations.Tests.Common;

public sealed class IssueRecorderTests
{
    private readonly IssueRecorder log = new("radarr", ServiceKind.Radarr, new FixedTime(TestLibraries.Now));

    [Theory]
    [InlineData("2024-05-01T10:20:30Z", "2024-05-01T10:20:30+00:00")]
    [InlineData("2024-05-01T10:20:30.000Z", "2024-05-01T10:20:30+00:00")]
    [InlineData("2024-05-01T12:20:30+02:00", "2024-05-01T10:20:30+00:00")]
    [InlineData("2025-06-02T00:00:00Z", "2025-06-02T00:00:00+00:00")] // within a day of "now": clock skew
    public void Real_dates_are_read_as_utc(string raw, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected), log.Happened(raw, "movie 1", "added"));
        Assert.Empty(log.Take());
    }

    [Theory]
    [InlineData("0001-01-01T00:00:00Z", "placeholder date before 1900")]
    [InlineData("1899-12-31T00:00:00Z", "placeholder date before 1900")]
    [InlineData("9999-12-31T23:59:59Z", "placeholder far-future date")]
    [InlineData("2200-01-01T00:00:00Z", "placeholder far-future date")]
    [InlineData("2025-07-01T00:00:00Z", "in the future")]
    [InlineData("yesterday", "not a date")]
    [InlineData("0000-00-00T00:00:00Z", "not a date")]
    public void Unusable_happened_dates_are_null_and_recorded(string raw, string problem)
    {
        Assert.Null(log.Happened(raw, "movie 1 'Dune'", "added"));

        var issue = Assert.Single(log.Take());
        Assert.Equal(("radarr", ServiceKind.Radarr, "movie 1 'Dune'", "added", raw), (issue.Source, issue.Kind, issue.Item, issue.Field, issue.RawValue));
        Assert.Contains(problem, issue.Problem);
    }

    [Fact]
    public void Scheduled_dates_may_lie_in_the_future_but_not_at_a_placeholder()
    {
        Assert.Equal(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero), log.Scheduled("2030-01-01T00:00:00Z", "episode 1", "airDateUtc"));
        Assert.Null(log.Scheduled("9999-12-31T23:59:59Z", "episode 1", "airDateUtc"));

        Assert.Single(log.Take());
    }

    [Fact]
    public void A_missing_date_is_only_an_issue_where_one_is_expected()
    {
        Assert.Null(log.Happened(null, "movie 1", "movieFile.dateAdded"));
        Assert.Empty(log.Take());

        Assert.Null(log.Happened("", "movie 1", "added", expected: true));
        Assert.Equal("missing; treated as unknown", Assert.Single(log.Take()).Problem);
    }

    [Fact]
    public void The_log_is_bounded_and_says_how_much_it_dropped()
    {
        for (var i = 0; i < 1_005; i++)
        {
            log.Record($"movie {i}", "added", null, "x");
        }

        var issues = log.Take();

        Assert.Equal(1_001, issues.Count);
        Assert.Equal("5 more issues were not kept", issues[^1].Problem);
        Assert.Empty(log.Take());
    }
}
