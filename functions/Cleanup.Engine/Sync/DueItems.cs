using Cleanup.Engine.Deletion;
using Cleanup.Engine.Ports;

namespace Cleanup.Engine.Sync;

/// <summary>
/// What the last sync found due: stored records whose deletion date has come and that nobody kept, with where they
/// live (from the latest library snapshot). Items the pipeline already acted on (a settled outcome in the deletion
/// ledger, and not added again since) are left out, so a re-run before the next sync does not act twice.
/// </summary>
public sealed class DueItems(IMediaStore media, ILibrarySnapshotStore library, IDeletionLedger ledger) : IDeletionCandidateSource
{
    public async Task<IReadOnlyList<DeletionCandidate>> ListDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var due = (await media.ListAsync(cancellationToken).ConfigureAwait(false))
            .Where(r => r.Status == "Due" && !r.Kept && r.DeletionDate is { } at && at <= now)
            .OrderBy(r => r.DeletionDate)
            .ThenBy(r => r.Id, StringComparer.Ordinal)
            .ToList();
        if (due.Count == 0)
        {
            return [];
        }

        var latest = await library.LoadLatestAsync(cancellationToken).ConfigureAwait(false);
        var candidates = new List<DeletionCandidate>(due.Count);
        foreach (var record in due)
        {
            if (StoredKinds.ActionOf(record) is not { } action)
            {
                continue; // not a rule's action (an older or hand-edited record): never guess what to do
            }

            if (await ledger.GetAsync(record.Id, cancellationToken).ConfigureAwait(false) is { Outcome: AuditOutcome.Deleted } done
                && (record.AddedAt is not { } added || added <= done.IntentAt))
            {
                continue;
            }

            // Without the library item there is nowhere to act: the pipeline then fails the item visibly (audited).
            var targets = latest?.Library.Find(record.Id) is { } item
                ? DeletionTargetMapping.For(item, latest.Value.Library)
                : DeletionTargets.None;
            candidates.Add(new DeletionCandidate(
                record.Id,
                record.Title,
                StoredKinds.MediaTypeOf(record),
                record.SizeBytes,
                action,
                record.Rule ?? "no rule recorded",
                record.Trace,
                targets,
                AddImportListExclusion: false,
                record.FlaggedAt,
                record.DeletionDate));
        }

        return candidates;
    }
}
