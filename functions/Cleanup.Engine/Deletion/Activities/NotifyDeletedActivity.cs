using Cleanup.Engine.Notifications;
using Cleanup.Engine.Ports;
using Cleanup.Engine.Workflows;

namespace Cleanup.Engine.Deletion.Activities;

/// <summary>Tells the owner what a cleanup run deleted (or, in a dry run, would have deleted) and what failed.</summary>
public sealed class NotifyDeletedActivity(INotificationSender sender, TimeProvider timeProvider) : IActivity<NotifyDeletedInput, NotifySummary>
{
    public static string Name => ActivityNames.NotifyDeleted;

    public async Task<NotifySummary> RunAsync(NotifyDeletedInput input, CancellationToken cancellationToken)
    {
        var acted = input.Items.Where(i => i.Outcome is AuditOutcome.Deleted or AuditOutcome.WouldDelete or AuditOutcome.Failed).ToList();
        if (acted.Count == 0 || sender.Channels == 0)
        {
            return NotifySummary.None;
        }

        var done = acted.Where(i => i.Outcome != AuditOutcome.Failed).ToList();
        var failed = acted.Count - done.Count;
        var size = DeletionBudget.Format(done.Sum(i => i.SizeBytes));
        var title = input.Mode == DeletionMode.DryRun
            ? $"Dry run: would delete {NotificationPlanner.Count(done.Count)} ({size})"
            : $"Deleted {NotificationPlanner.Count(done.Count)} ({size} freed)";
        if (failed > 0)
        {
            title += $", {failed} failed";
        }

        var lines = acted.Take(NotificationPlanner.MaxListedItems)
            .Select(i => $"{i.Title}: {NotificationPlanner.Describe(i.MediaType)}, {DeletionBudget.Format(i.SizeBytes)}{(i.Outcome == AuditOutcome.Failed ? $" (failed: {i.Reason})" : string.Empty)}")
            .ToList();
        if (acted.Count > NotificationPlanner.MaxListedItems)
        {
            lines.Add($"and {acted.Count - NotificationPlanner.MaxListedItems} more");
        }

        var notification = new Notification(
            NotificationKind.Deleted,
            title,
            string.Join('\n', lines),
            [.. acted.Select(i => new NotificationItem(i.ItemId, i.Title, i.MediaType, i.SizeBytes, null, i.Outcome))],
            timeProvider.GetUtcNow(),
            input.RunId);
        var delivery = await sender.SendAsync(notification, cancellationToken).ConfigureAwait(false);
        return new NotifySummary(delivery.Delivered > 0 ? 1 : 0, delivery.Errors);
    }
}
