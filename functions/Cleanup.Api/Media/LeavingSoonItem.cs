using Cleanup.Engine.Ports;

namespace Cleanup.Api.Media;

/// <summary>One row of the leaving-soon list.</summary>
public sealed record LeavingSoonItem(
    string Id,
    string Title,
    int? Year,
    string MediaType,
    long SizeBytes,
    DateTimeOffset? AddedAt,
    DateTimeOffset? FlaggedAt,
    DateTimeOffset? DeletionDate,
    int? DaysLeft,
    string? Rule,
    bool Kept)
{
    public static LeavingSoonItem From(MediaRecord r, DateTimeOffset now) =>
        new(r.Id, r.Title, r.Year, r.MediaType, r.SizeBytes, r.AddedAt, r.FlaggedAt, r.DeletionDate, DaysUntil(r.DeletionDate, now), r.Rule, r.Kept);

    /// <summary>Whole days until deletion, rounded up so "today" reads 0 only once the moment has passed.</summary>
    internal static int? DaysUntil(DateTimeOffset? deletion, DateTimeOffset now) =>
        deletion is null ? null : Math.Max(0, (int)Math.Ceiling((deletion.Value - now).TotalDays));
}

public sealed record LeavingSoonList(IReadOnlyList<LeavingSoonItem> Items, int Count, long TotalSizeBytes, int WindowDays, int GracePeriodDays, bool DryRun);

/// <summary>An item with the full explanation of its decision.</summary>
public sealed record MediaDetail(
    string Id,
    string Title,
    int? Year,
    string MediaType,
    long SizeBytes,
    string Status,
    DateTimeOffset? AddedAt,
    DateTimeOffset? FlaggedAt,
    DateTimeOffset? DueAt,
    DateTimeOffset? DeletionDate,
    int? DaysLeft,
    string? Rule,
    string? Action,
    bool Kept,
    DateTimeOffset? KeptUntil,
    IReadOnlyList<string> Sources,
    IReadOnlyList<string> WatchedBy,
    IReadOnlyList<string> Explanation)
{
    public static MediaDetail From(MediaRecord r, DateTimeOffset now) =>
        new(r.Id, r.Title, r.Year, r.MediaType, r.SizeBytes, r.Status, r.AddedAt, r.FlaggedAt, r.DueAt, r.DeletionDate,
            LeavingSoonItem.DaysUntil(r.DeletionDate, now), r.Rule, r.Action, r.Kept, r.KeptUntil, r.Sources, r.WatchedBy, r.Trace);
}
