using Cleanup.Engine.Evaluation;
using Cleanup.Engine.Library;

namespace Cleanup.Engine.Timeline;

/// <summary>
/// Disk-space mode: of the due items, only as many are left due as it takes to bring free space up to the threshold,
/// least valuable first: longest since anyone watched it (never watched first), then largest, then by id so that the
/// order is stable. The rest go back to leaving soon, keeping their flags. Unknown free space deletes nothing.
/// </summary>
internal static class DiskSpaceSelection
{
    public static void Apply(List<Decision> decisions, List<LibraryItem> items, DiskSpaceOptions options, long? freeBytes)
    {
        var due = new List<int>();
        for (var i = 0; i < decisions.Count; i++)
        {
            if (decisions[i].Status == DecisionStatus.Due) due.Add(i);
        }

        if (due.Count == 0) return;

        due.Sort((a, b) => CompareValue(items[a], decisions[a], items[b], decisions[b]));

        var target = options.MinimumFreeGb * 1e9;
        double free = freeBytes ?? 0;
        foreach (var i in due)
        {
            DiskSpaceHold hold;
            if (freeBytes is null) hold = DiskSpaceHold.HeldBackFreeSpaceUnknown;
            else if (free >= target) hold = DiskSpaceHold.HeldBackEnoughSpace;
            else
            {
                hold = DiskSpaceHold.Selected;
                free += decisions[i].SizeBytes;
            }

            var decision = decisions[i];
            decisions[i] = decision with
            {
                Status = hold == DiskSpaceHold.Selected ? DecisionStatus.Due : DecisionStatus.LeavingSoon,
                Trace = Copy(decision.Trace, hold),
            };
        }
    }

    /// <summary>Least valuable first.</summary>
    internal static int CompareValue(LibraryItem a, Decision da, LibraryItem b, Decision db)
    {
        var lastA = a.Watch.LastWatched;
        var lastB = b.Watch.LastWatched;
        if (lastA != lastB)
        {
            if (lastA is null) return -1;
            if (lastB is null) return 1;
            return lastA.Value.CompareTo(lastB.Value);
        }

        var bySize = db.SizeBytes.CompareTo(da.SizeBytes);
        return bySize != 0 ? bySize : string.CompareOrdinal(da.ItemId, db.ItemId);
    }

    private static DecisionTrace Copy(DecisionTrace trace, DiskSpaceHold hold) => new()
    {
        MediaType = trace.MediaType,
        Rule = trace.Rule,
        Retention = trace.Retention,
        Basis = trace.Basis,
        BasisDate = trace.BasisDate,
        Reason = trace.Reason,
        Watch = trace.Watch,
        DueDate = trace.DueDate,
        FlaggedAt = trace.FlaggedAt,
        DeletionDate = trace.DeletionDate,
        LeavingSoonWindow = trace.LeavingSoonWindow,
        GracePeriod = trace.GracePeriod,
        GraceExtended = trace.GraceExtended,
        Protections = trace.Protections,
        DiskSpace = hold,
    };
}
