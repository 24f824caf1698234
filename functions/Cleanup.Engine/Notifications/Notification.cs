using System.Text.Json.Serialization;
using Cleanup.Engine.Deletion;

namespace Cleanup.Engine.Notifications;

/// <summary>Something the owner wants to hear about, independent of the channel (webhook, Discord, ntfy).</summary>
/// <param name="Message">Plain text, a line per item (capped); channels may format <see cref="Items"/> their own way.</param>
public sealed record Notification(
    [property: JsonConverter(typeof(JsonStringEnumConverter<NotificationKind>))] NotificationKind Kind,
    string Title,
    string Message,
    IReadOnlyList<NotificationItem> Items,
    DateTimeOffset At,
    string? RunId = null);

public enum NotificationKind
{
    /// <summary>Items entered their grace period.</summary>
    [JsonStringEnumMemberName("leaving-soon")]
    LeavingSoon,

    /// <summary>Items will be deleted within the reminder window.</summary>
    [JsonStringEnumMemberName("deletion-reminder")]
    DeletionReminder,

    /// <summary>A cleanup run deleted (or, in a dry run, would have deleted) items.</summary>
    [JsonStringEnumMemberName("deleted")]
    Deleted,

    /// <summary>A run failed.</summary>
    [JsonStringEnumMemberName("run-failed")]
    RunFailed,
}

public sealed record NotificationItem(
    string ItemId,
    string Title,
    [property: JsonConverter(typeof(JsonStringEnumConverter<DeletionMediaType>))] DeletionMediaType MediaType,
    long SizeBytes,
    DateTimeOffset? DeletionDate = null,
    [property: JsonConverter(typeof(JsonStringEnumConverter<AuditOutcome>))] AuditOutcome? Outcome = null);

/// <summary>How a notification fared across the configured channels. Errors name the channel, never its URL.</summary>
public sealed record NotificationDelivery(int Delivered, IReadOnlyList<string> Errors)
{
    public bool AnyDelivered => Delivered > 0;
}
