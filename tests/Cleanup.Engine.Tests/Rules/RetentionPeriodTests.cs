using Cleanup.Engine.Rules;

namespace Cleanup.Engine.Tests.Rules;

public sealed class RetentionPeriodTests
{
    [Theory]
    [InlineData("30d", 30 * 24.0)]
    [InlineData("12h", 12.0)]
    [InlineData("2w", 14 * 24.0)]
    [InlineData(" 7D ", 7 * 24.0)]
    [InlineData("0d", 0.0)]
    [InlineData("0h", 0.0)]
    [InlineData("36500d", 36500 * 24.0)]
    public void Parses_durations(string text, double hours)
    {
        var period = RetentionPeriod.Parse(text);

        Assert.True(period.IsValid, period.Error);
        Assert.False(period.IsNever);
        Assert.Equal(TimeSpan.FromHours(hours), period.Duration);
    }

    [Theory]
    [InlineData("never")]
    [InlineData("NEVER")]
    public void Never_has_no_duration(string text)
    {
        var period = RetentionPeriod.Parse(text);

        Assert.True(period.IsValid);
        Assert.True(period.IsNever);
        Assert.Null(period.Duration);
        Assert.Equal("never", period.Text);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData(null, "empty")]
    [InlineData("30", "unknown unit")]
    [InlineData("30 days", "not a duration")]
    [InlineData("30m", "unknown unit 'm'")]
    [InlineData("-3d", "not a duration")]
    [InlineData("1.5d", "not a duration")]
    [InlineData("d", "not a duration")]
    [InlineData("36501d", "longer than 36500 days")]
    [InlineData("99999999999999w", "longer than 36500 days")]
    public void Rejects_invalid_text_with_a_reason(string? text, string reason)
    {
        var period = RetentionPeriod.Parse(text);

        Assert.False(period.IsValid);
        Assert.False(period.IsNever);
        Assert.Contains(reason, period.Error);
    }

    [Fact]
    public void Default_value_is_never_so_a_missing_field_keeps_forever()
    {
        RetentionPeriod period = default;

        Assert.True(period.IsNever);
        Assert.Equal("never", period.Text);
    }
}
