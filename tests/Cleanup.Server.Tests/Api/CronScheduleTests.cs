using Cleanup.Api.Jobs;
using Cleanup.Engine.Jobs;

namespace Cleanup.Server.Tests.Api;

public sealed class CronScheduleTests
{
    private static readonly DateTimeOffset At = new(2026, 5, 1, 2, 59, 59, TimeSpan.Zero);

    [Fact]
    public void The_defaults_run_hourly_every_quarter_hour_and_at_three()
    {
        var schedules = new ScheduleOptions().ToSchedules().ToDictionary(s => s.Kind);

        Assert.Equal(At.AddSeconds(1), schedules[JobKind.FullSync].NextAfter(At));
        Assert.Equal(At.AddSeconds(1), schedules[JobKind.IncrementalSync].NextAfter(At));
        Assert.Equal(At.AddSeconds(1), schedules[JobKind.Cleanup].NextAfter(At));
        Assert.Equal(At.AddSeconds(1).AddMinutes(15), schedules[JobKind.IncrementalSync].NextAfter(At.AddSeconds(1)));
        Assert.Equal(At.AddSeconds(1).AddDays(1), schedules[JobKind.Cleanup].NextAfter(At.AddSeconds(1)));
    }

    [Fact]
    public void An_empty_schedule_turns_the_workflow_off()
    {
        var schedules = new ScheduleOptions { CleanupSchedule = "" }.ToSchedules();

        Assert.DoesNotContain(schedules, s => s.Kind == JobKind.Cleanup);
    }

    [Fact]
    public void A_five_field_or_broken_expression_is_refused_naming_the_setting()
    {
        var errors = new ScheduleOptions { FullSyncSchedule = "0 * * * *", CleanupSchedule = "every day" }.Validate();

        Assert.Equal(2, errors.Count);
        Assert.StartsWith("FullSyncSchedule '0 * * * *' is not a six-field NCRONTAB expression", errors[0], StringComparison.Ordinal);
        Assert.StartsWith("CleanupSchedule", errors[1], StringComparison.Ordinal);
    }
}
