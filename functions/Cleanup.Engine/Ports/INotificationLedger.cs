namespace Cleanup.Engine.Ports;

/// <summary>Which leaving-soon notices were already sent (keys from <see cref="Notifications.NotificationPlanner"/>).</summary>
public interface INotificationLedger
{
    Task<IReadOnlyCollection<string>> ListAsync(CancellationToken cancellationToken);

    Task AddAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken);

    Task RemoveAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken);
}
