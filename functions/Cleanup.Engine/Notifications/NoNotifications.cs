using Cleanup.Engine.Ports;

namespace Cleanup.Engine.Notifications;

/// <summary>The sender when no channel is configured.</summary>
public sealed class NoNotifications : INotificationSender
{
    public static NoNotifications Instance { get; } = new();

    public int Channels => 0;

    public Task<NotificationDelivery> SendAsync(Notification notification, CancellationToken cancellationToken) =>
        Task.FromResult(new NotificationDelivery(0, []));
}
