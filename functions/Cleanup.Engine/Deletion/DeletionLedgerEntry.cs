namespace Cleanup.Engine.Deletion;

/// <summary>
/// What the pipeline last set out to do to an item and what came of it. The intent is written before acting and
/// the outcome after, so a retried or resumed run can tell "done", "not started" and "interrupted" apart.
/// </summary>
/// <param name="Outcome">Null while the action is in flight (or was interrupted).</param>
public sealed record DeletionLedgerEntry(
    string ItemId,
    string RunId,
    DeletionAction Action,
    DateTimeOffset IntentAt,
    AuditOutcome? Outcome = null,
    string? Reason = null,
    DateTimeOffset? OutcomeAt = null);
