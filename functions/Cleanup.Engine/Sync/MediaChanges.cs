using Cleanup.Engine.Ports;

namespace Cleanup.Engine.Sync;

/// <summary>
/// What a sync changes in the stored library: records to write (new or different in anything but their time stamp)
/// and ids to remove. Staged as a blob between "evaluate" and "persist" (it can be large on a first sync).
/// </summary>
public sealed record MediaChanges(IReadOnlyList<MediaRecord> Upserts, IReadOnlyList<string> Removed)
{
    public static MediaChanges None { get; } = new([], []);

    /// <summary>Compares this run's records with the stored ones.</summary>
    /// <param name="removeVanished">
    /// False when a source failed this run: an item it would have reported is missing, not gone, so nothing is removed.
    /// </param>
    public static MediaChanges Between(IReadOnlyList<MediaRecord> stored, IReadOnlyList<MediaRecord> current, bool removeVanished)
    {
        var before = new Dictionary<string, MediaRecord>(stored.Count, StringComparer.Ordinal);
        foreach (var record in stored)
        {
            before[record.Id] = record;
        }

        var upserts = new List<MediaRecord>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in current)
        {
            if (!seen.Add(record.Id)) continue;
            if (!before.TryGetValue(record.Id, out var old) || !MediaRecordMapping.SameContent(old, record))
            {
                upserts.Add(record);
            }
        }

        var removed = removeVanished
            ? stored.Where(r => !seen.Contains(r.Id)).Select(r => r.Id).ToList()
            : [];
        return new MediaChanges(upserts, removed);
    }
}
