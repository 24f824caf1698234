using System.Text.Json.Serialization;

namespace Cleanup.Engine.Deletion;

/// <summary>An item in its grace period: shown as leaving soon, notified about, put into the media servers' collection.</summary>
public sealed record LeavingSoonEntry(
    string ItemId,
    string Title,
    [property: JsonConverter(typeof(JsonStringEnumConverter<DeletionMediaType>))] DeletionMediaType MediaType,
    long SizeBytes,
    DateTimeOffset FlaggedAt,
    DateTimeOffset DeletionDate,
    IReadOnlyList<MediaServerTarget> MediaServerItems,
    int? Year = null);
