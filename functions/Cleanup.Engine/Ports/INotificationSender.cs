using Cleanup.Engine.Notifications;

namespace Cleanup.Engine.Ports;

/// <summary>Sends a notification to every configured channel. Never throws for a channel's failure: reports it.</summary>
public interface INotificationSender
{
    /// <summary>Number of channels configured (0 = notifications off).</summary>
    int Channels { get; }

    Task<NotificationDelivery> SendAsync(Notification notification, CancellationToken cancellationToken);
}
