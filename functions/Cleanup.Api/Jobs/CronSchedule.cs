using NCrontab;

namespace Cleanup.Api.Jobs;

/// <summary>
/// Six-field NCRONTAB (<c>{second} {minute} {hour} {day} {month} {day-of-week}</c>, UTC), parsed by the same
/// library as the Functions timer trigger, so one setting means the same in both hosts.
/// </summary>
public static class CronSchedule
{
    private static readonly CrontabSchedule.ParseOptions WithSeconds = new() { IncludingSeconds = true };

    public static bool IsValid(string expression) => CrontabSchedule.TryParse(expression, WithSeconds) is not null;

    /// <summary>The next occurrence strictly after a given instant (UTC); null when there is none.</summary>
    public static Func<DateTimeOffset, DateTimeOffset?> NextAfter(string expression)
    {
        var schedule = CrontabSchedule.Parse(expression, WithSeconds);
        return after =>
        {
            var end = DateTime.MaxValue;
            var next = schedule.GetNextOccurrence(after.UtcDateTime, end);
            return next >= end ? null : new DateTimeOffset(DateTime.SpecifyKind(next, DateTimeKind.Utc));
        };
    }
}
