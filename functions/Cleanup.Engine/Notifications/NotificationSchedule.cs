namespace Cleanup.Engine.Notifications;

/// <summary>When to remind before a deletion (bound from <c>Notifications:RemindBeforeDeletion</c>, e.g. "3d").</summary>
public sealed record NotificationSchedule(TimeSpan RemindBeforeDeletion)
{
    public static NotificationSchedule Default { get; } = new(TimeSpan.FromDays(3));
}
