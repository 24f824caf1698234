using System.Text.Json.Serialization;

namespace Cleanup.Engine.Ports;

/// <summary>
/// An item as stored after a sync and shown by the API and the dashboard: what it is, where it lives, and the
/// decision about it (when it leaves, why). The rules engine's decision is flattened into this read model.
/// </summary>
public sealed record MediaRecord
{
    /// <summary>Stable id across services, e.g. "movie:tmdb:603".</summary>
    public required string Id { get; init; }

    public required string Title { get; init; }

    public int? Year { get; init; }

    /// <summary>movie, series, season or episode.</summary>
    public required string MediaType { get; init; }

    public long SizeBytes { get; init; }

    /// <summary>When the file was imported (or the item added); null when no source knew.</summary>
    public DateTimeOffset? AddedAt { get; init; }

    /// <summary>When the item was first shown as leaving soon; the grace period counts from here.</summary>
    public DateTimeOffset? FlaggedAt { get; init; }

    /// <summary>When the rule makes it due (before the grace period is applied).</summary>
    public DateTimeOffset? DueAt { get; init; }

    /// <summary>The earliest moment it may be deleted: max(due, flagged + grace). Null when it is not leaving.</summary>
    public DateTimeOffset? DeletionDate { get; init; }

    /// <summary>NotDue, LeavingSoon, Due, Kept or Unmatched.</summary>
    public required string Status { get; init; }

    /// <summary>The rule that decided, in words.</summary>
    public string? Rule { get; init; }

    /// <summary>What happens when it is due: Delete, UnmonitorAndDeleteFiles, UnmonitorOnly, DoNothing.</summary>
    public string? Action { get; init; }

    /// <summary>Short sentences explaining the decision (rules matched, protections, dates used).</summary>
    public IReadOnlyList<string> Trace { get; init; } = [];

    /// <summary>Where the item lives, e.g. "radarr:42", "jellyfin:6f2c…".</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>Users who have watched it.</summary>
    public IReadOnlyList<string> WatchedBy { get; init; } = [];

    /// <summary>A person chose to keep it (until <see cref="KeptUntil"/> when set).</summary>
    public bool Kept { get; init; }

    public DateTimeOffset? KeptUntil { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Shown as leaving soon: leaving soon or due, and nobody kept it.</summary>
    [JsonIgnore]
    public bool IsLeaving => Status is "LeavingSoon" or "Due" && !Kept;
}
