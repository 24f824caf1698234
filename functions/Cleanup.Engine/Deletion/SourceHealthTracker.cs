using System.Globalization;
using Cleanup.Engine.Jobs;
using Cleanup.Engine.Workflows;

namespace Cleanup.Engine.Deletion;

/// <summary>
/// Folds one read into a source's health. A full read far below the baseline is an anomaly and does not move
/// the baseline, so a broken source cannot teach Cleanup that an empty library is normal; only a drop that
/// <see cref="DeletionOptions.AcceptDropAfterSyncs"/> reads in a row agree on becomes the new baseline.
/// </summary>
public static class SourceHealthTracker
{
    public static SourceHealth Apply(SourceHealth? previous, SourceSyncSummary read, DeletionOptions options)
    {
        var health = previous ?? new SourceHealth(read.Source.Name, read.Source.Kind, read.ReadAt, read.Outcome, null, null, null, null, 0, null);
        if (read.Outcome == SourceOutcome.Failed)
        {
            return health with { Kind = read.Source.Kind, LastAttemptAt = read.ReadAt, LastOutcome = SourceOutcome.Failed, LastError = read.Error ?? "failed" };
        }

        health = health with { Kind = read.Source.Kind, LastAttemptAt = read.ReadAt, LastOutcome = SourceOutcome.Ok, LastError = null, LastGoodReadAt = read.ReadAt };
        if (read.Mode != SyncMode.Full)
        {
            return health; // a delta's size says nothing about the library's size
        }

        var count = read.ItemCount;
        var baseline = health.BaselineCount;
        if (baseline is null or 0 || count >= baseline * options.MinimumSourceRatio)
        {
            return health with { LastFullCount = count, BaselineCount = count, SuspectSyncs = 0, Anomaly = null };
        }

        var suspect = health.SuspectSyncs + 1;
        if (options.AcceptDropAfterSyncs > 0 && suspect >= options.AcceptDropAfterSyncs)
        {
            return health with { LastFullCount = count, BaselineCount = count, SuspectSyncs = 0, Anomaly = null };
        }

        var anomaly = string.Create(
            CultureInfo.InvariantCulture,
            $"{read.Source.Kind} '{read.Source.Name}' returned {count} items, fewer than {options.MinimumSourceRatio * 100:0.#}% of the {baseline} at its last good sync");
        return health with { LastFullCount = count, SuspectSyncs = suspect, Anomaly = anomaly };
    }
}
