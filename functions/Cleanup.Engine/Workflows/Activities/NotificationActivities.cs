using Cleanup.Engine.Notifications;
using Cleanup.Engine.Ports;

namespace Cleanup.Engine.Workflows.Activities;

/// <summary>
/// Announces items that entered leaving soon and reminds before their deletion, once each. A notice is marked
/// sent only when a channel took it (or none is configured), so a failed send is tried again next run.
/// </summary>
public sealed class NotifyLeavingSoonActivity(
    ILeavingSoonSource leavingSoon,
    INotificationLedger ledger,
    INotificationSender sender,
    NotificationSchedule schedule) : IActivity<NotifyLeavingSoonInput, NotifySummary>
{
    public static string Name => ActivityNames.NotifyLeavingSoon;

    public async Task<NotifySummary> RunAsync(NotifyLeavingSoonInput input, CancellationToken cancellationToken)
    {
        var entries = await leavingSoon.ListAsync(input.Now, cancellationToken).ConfigureAwait(false);
        var sent = await ledger.ListAsync(cancellationToken).ConfigureAwait(false);
        var plan = NotificationPlanner.Plan(entries, sent, input.Now, schedule.RemindBeforeDeletion);
        var errors = new List<string>();
        var delivered = 0;
        foreach (var notice in plan.Notices)
        {
            var delivery = await sender.SendAsync(notice.Notification with { RunId = input.RunId }, cancellationToken).ConfigureAwait(false);
            errors.AddRange(delivery.Errors);
            if (delivery.AnyDelivered || delivery.Errors.Count == 0)
            {
                delivered += delivery.Delivered > 0 ? 1 : 0;
                await ledger.AddAsync(notice.Keys, cancellationToken).ConfigureAwait(false);
            }
        }

        if (plan.StaleKeys.Count > 0)
        {
            await ledger.RemoveAsync(plan.StaleKeys, cancellationToken).ConfigureAwait(false);
        }

        return new NotifySummary(delivered, errors);
    }
}

public sealed class NotifyRunFailedActivity(INotificationSender sender, TimeProvider timeProvider)
    : IActivity<NotifyRunFailedInput, NotifySummary>
{
    public static string Name => ActivityNames.NotifyRunFailed;

    public async Task<NotifySummary> RunAsync(NotifyRunFailedInput input, CancellationToken cancellationToken)
    {
        var notification = new Notification(
            NotificationKind.RunFailed, $"Cleanup: {input.Kind} run failed", input.Error, [], timeProvider.GetUtcNow(), input.RunId);
        var delivery = await sender.SendAsync(notification, cancellationToken).ConfigureAwait(false);
        return new NotifySummary(delivery.Delivered > 0 ? 1 : 0, delivery.Errors);
    }
}
