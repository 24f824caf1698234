using Cleanup.Engine.Deletion;
using Cleanup.Engine.Notifications;
using Cleanup.Engine.Notifications.InMemory;
using Cleanup.Engine.Tests.Workflows.Support;
using Cleanup.Engine.Workflows;
using Cleanup.Engine.Workflows.Activities;

namespace Cleanup.Engine.Tests.Notifications;

public sealed class NotificationPlannerTests
{
    private static readonly DateTimeOffset Flagged = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan ThreeDays = TimeSpan.FromDays(3);
    private static readonly LeavingSoonEntry Matrix = new("movie:tmdb:603", "The Matrix", DeletionMediaType.Movie, 8 * DeletionBudget.BytesPerGigabyte, Flagged, Flagged.AddDays(14), [], 1999);

    [Fact]
    public void An_item_entering_leaving_soon_is_announced_once()
    {
        var first = NotificationPlanner.Plan([Matrix], [], Flagged, ThreeDays);
        var again = NotificationPlanner.Plan([Matrix], first.Notices.SelectMany(n => n.Keys).ToList(), Flagged.AddHours(1), ThreeDays);

        var notice = Assert.Single(first.Notices).Notification;
        Assert.Equal(NotificationKind.LeavingSoon, notice.Kind);
        Assert.Equal("1 item leaving soon", notice.Title);
        Assert.Equal("The Matrix (1999): movie, 8 GB, deleted on 2026-05-15", notice.Message);
        Assert.Empty(again.Notices);
    }

    [Fact]
    public void A_reminder_goes_out_once_when_the_deletion_is_within_the_configured_time()
    {
        var sent = NotificationPlanner.Plan([Matrix], [], Flagged, ThreeDays).Notices.SelectMany(n => n.Keys).ToList();

        var early = NotificationPlanner.Plan([Matrix], sent, Matrix.DeletionDate - ThreeDays - TimeSpan.FromMinutes(1), ThreeDays);
        var due = NotificationPlanner.Plan([Matrix], sent, Matrix.DeletionDate - ThreeDays, ThreeDays);
        var after = NotificationPlanner.Plan([Matrix], [.. sent, .. due.Notices.SelectMany(n => n.Keys)], Matrix.DeletionDate - TimeSpan.FromDays(1), ThreeDays);

        Assert.Empty(early.Notices);
        var reminder = Assert.Single(due.Notices).Notification;
        Assert.Equal(NotificationKind.DeletionReminder, reminder.Kind);
        Assert.Equal("1 item will be deleted within 3 days", reminder.Title);
        Assert.Empty(after.Notices);
    }

    [Fact]
    public void An_item_entering_inside_the_reminder_window_gets_one_message_not_two()
    {
        var late = Matrix with { DeletionDate = Flagged.AddDays(2) };

        var plan = NotificationPlanner.Plan([late], [], Flagged, ThreeDays);
        var next = NotificationPlanner.Plan([late], plan.Notices.SelectMany(n => n.Keys).ToList(), Flagged.AddHours(1), ThreeDays);

        Assert.Equal(NotificationKind.LeavingSoon, Assert.Single(plan.Notices).Notification.Kind);
        Assert.Empty(next.Notices);
    }

    [Fact]
    public void An_item_that_left_and_re_entered_is_announced_again_and_old_keys_are_forgotten()
    {
        var sent = NotificationPlanner.Plan([Matrix], [], Flagged, ThreeDays).Notices.SelectMany(n => n.Keys).ToList();

        var left = NotificationPlanner.Plan([], sent, Flagged.AddDays(1), ThreeDays);
        var reentered = NotificationPlanner.Plan([Matrix with { FlaggedAt = Flagged.AddDays(5), DeletionDate = Flagged.AddDays(19) }], [], Flagged.AddDays(5), ThreeDays);

        Assert.Equal(sent, left.StaleKeys);
        Assert.Single(reentered.Notices);
    }

    [Fact]
    public void Long_lists_are_capped_in_the_message_but_complete_in_the_items()
    {
        var many = Enumerable.Range(1, 30).Select(i => Matrix with { ItemId = $"movie:{i}", Title = $"Movie {i}" }).ToList();

        var notice = Assert.Single(NotificationPlanner.Plan(many, [], Flagged, ThreeDays).Notices).Notification;

        Assert.Equal(30, notice.Items.Count);
        Assert.EndsWith("and 5 more", notice.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_notice_that_no_channel_took_is_sent_again_next_run()
    {
        var leavingSoon = new FakeLeavingSoon();
        leavingSoon.Entries.Add(Matrix);
        var ledger = new InMemoryNotificationLedger();
        var sender = new RecordingSender { Fails = true };
        var activity = new NotifyLeavingSoonActivity(leavingSoon, ledger, sender, NotificationSchedule.Default);

        var failed = await activity.RunAsync(new NotifyLeavingSoonInput("job-1", Flagged), default);
        sender.Fails = false;
        var retried = await activity.RunAsync(new NotifyLeavingSoonInput("job-2", Flagged.AddHours(1)), default);
        var quiet = await activity.RunAsync(new NotifyLeavingSoonInput("job-3", Flagged.AddHours(2)), default);

        Assert.Equal(["discord #1: HTTP 500"], failed.Errors);
        Assert.Equal(1, retried.Sent);
        Assert.Equal("job-2", Assert.Single(sender.Sent).RunId);
        Assert.Equal(0, quiet.Sent);
    }
}
