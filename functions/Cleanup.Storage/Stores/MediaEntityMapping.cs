using System.Text.Json;
using Cleanup.Engine.Ports;
using Cleanup.Storage.Tables;

namespace Cleanup.Storage.Stores;

/// <summary>
/// How a <see cref="MediaRecord"/> is laid out in the Media table. Partitions are "&lt;type&gt;-&lt;bucket&gt;" with 16
/// buckets per type so batch writes spread over partitions (Azure writes ~2,000 entities/s per partition).
/// </summary>
internal static class MediaEntityMapping
{
    private const int Buckets = 16;

    /// <summary>Trace/list columns stay well below Table Storage's 64 KiB string limit.</summary>
    private const int MaxJsonChars = 30_000;

    public static string PartitionFor(MediaRecord record) => PartitionFor(record.MediaType, record.Id);

    public static string PartitionFor(string mediaType, string id)
    {
        var hash = 0u;
        foreach (var c in id)
        {
            hash = (hash * 31) + c;
        }

        return $"{mediaType}-{hash % Buckets:x2}";
    }

    /// <summary>The media type is the id's first segment ("movie:tmdb:603").</summary>
    public static string TypeOf(string id)
    {
        var colon = id.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 ? id[..colon] : "other";
    }

    public static TableEntity ToEntity(MediaRecord r)
    {
        var e = new TableEntity(PartitionFor(r), r.Id)
        {
            ["Title"] = r.Title,
            ["Year"] = r.Year,
            ["MediaType"] = r.MediaType,
            ["SizeBytes"] = r.SizeBytes,
            ["AddedAt"] = r.AddedAt,
            ["FlaggedAt"] = r.FlaggedAt,
            ["DueAt"] = r.DueAt,
            ["DeletionDate"] = r.DeletionDate,
            ["Status"] = r.Status,
            ["Rule"] = r.Rule,
            ["Action"] = r.Action,
            ["Trace"] = Json(r.Trace),
            ["Sources"] = Json(r.Sources),
            ["WatchedBy"] = Json(r.WatchedBy),
            ["Kept"] = r.Kept,
            ["KeptUntil"] = r.KeptUntil,
            ["UpdatedAt"] = r.UpdatedAt,
        };
        return e;
    }

    public static MediaRecord FromEntity(TableEntity e) => new()
    {
        Id = e.RowKey,
        Title = e.GetString("Title") ?? e.RowKey,
        Year = e.GetInt32("Year"),
        MediaType = e.GetString("MediaType") ?? TypeOf(e.RowKey),
        SizeBytes = e.GetInt64("SizeBytes") ?? 0,
        AddedAt = e.GetDateTimeOffset("AddedAt"),
        FlaggedAt = e.GetDateTimeOffset("FlaggedAt"),
        DueAt = e.GetDateTimeOffset("DueAt"),
        DeletionDate = e.GetDateTimeOffset("DeletionDate"),
        Status = e.GetString("Status") ?? "NotDue",
        Rule = e.GetString("Rule"),
        Action = e.GetString("Action"),
        Trace = List(e.GetString("Trace")),
        Sources = List(e.GetString("Sources")),
        WatchedBy = List(e.GetString("WatchedBy")),
        Kept = e.GetBoolean("Kept") ?? false,
        KeptUntil = e.GetDateTimeOffset("KeptUntil"),
        UpdatedAt = e.GetDateTimeOffset("UpdatedAt") ?? default,
    };

    private static string Json(IReadOnlyList<string> values)
    {
        var json = JsonSerializer.Serialize(values);
        if (json.Length <= MaxJsonChars)
        {
            return json;
        }

        // Keep whole entries and say how many were dropped rather than storing a broken document.
        var kept = new List<string>();
        var length = 2;
        foreach (var v in values)
        {
            length += v.Length + 4;
            if (length > MaxJsonChars - 64)
            {
                break;
            }

            kept.Add(v);
        }

        kept.Add($"… {values.Count - kept.Count} more");
        return JsonSerializer.Serialize(kept);
    }

    private static IReadOnlyList<string> List(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<string[]>(json) ?? [];
}
