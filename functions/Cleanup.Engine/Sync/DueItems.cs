using Cleanup.Engine.Deletion;
using Cleanup.Engine.Ports;

namespace Cleanup.Engine.Sync;

/// <summary>
/// What the last sync found due: stored records whose deletion date has come and that nobody kept, with where they
/// live (from the latest library snapshot). Items the pipeline already acted on (a settled outcome in the deletion
/// ledger, and not added again since) are left out, so a re-run before the next sync does not act twice.
/// </summary>
/// <param name="audit">
/// When given, the audit line of each item left out that way is written again from the ledger (same id, so at most
/// one line): a run cut off between acting and auditing still leaves a complete audit.
/// </param>
/// <param name="jobs">Where that line's actor is found (the run's job); "schedule" when the job is gone.</param>
public sealed class DueItems(
    IMediaStore media,
    ILibrarySnapshotStore library,
    IDeletionLedger ledger,
    IAuditLog? audit = null,
    IJobStore? jobs = null) : IDeletionCandidateSource
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
                await CompleteAuditAsync(record, done, cancellationToken).ConfigureAwait(false);
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

    /// <summary>
    /// The ledger says done but the process may have stopped before the audit line was written: write it (again) under
    /// the acting run's id, which replaces rather than adds. Until the next sync drops the item this repeats, harmlessly.
    /// </summary>
    private async Task CompleteAuditAsync(MediaRecord record, DeletionLedgerEntry done, CancellationToken cancellationToken)
    {
        if (audit is null)
        {
            return;
        }

        var job = jobs is null ? null : await jobs.GetAsync(done.RunId, cancellationToken).ConfigureAwait(false);
        await audit.RecordAsync(
            new AuditEntry(
                AuditEntry.IdFor(done.RunId, record.Id),
                done.RunId,
                record.Id,
                record.Title,
                StoredKinds.MediaTypeOf(record),
                record.SizeBytes,
                record.Rule ?? "no rule recorded",
                done.Action,
                DryRun: false,
                job?.Actor ?? "schedule",
                done.OutcomeAt ?? done.IntentAt,
                AuditOutcome.Deleted,
                done.Reason,
                record.Trace),
            cancellationToken).ConfigureAwait(false);
    }
}
