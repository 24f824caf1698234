using Cleanup.Engine.Ports;
using Cleanup.Engine.Workflows;

namespace Cleanup.Engine.Deletion.Activities;

/// <summary>
/// Acts on one item at most once. The intent is recorded before the action and the outcome after; when this runs
/// again for the same item (a retry, a resumed or a later run) and finds an intent without an outcome, it first asks
/// the service whether the action already took effect instead of repeating it blindly. A dry run records nothing
/// and changes nothing.
/// </summary>
public sealed class ActOnItemActivity(IDeletionLedger ledger, IServiceCatalog catalog, TimeProvider timeProvider)
    : IActivity<ActOnItemInput, ActionOutcome>
{
    public static string Name => ActivityNames.ActOnItem;

    public async Task<ActionOutcome> RunAsync(ActOnItemInput input, CancellationToken cancellationToken)
    {
        var candidate = input.Candidate;
        if (input.Mode != DeletionMode.Live)
        {
            return new ActionOutcome(AuditOutcome.WouldDelete, "dry run");
        }

        var actions = new ArrActions(catalog);
        var previous = await ledger.GetAsync(candidate.ItemId, cancellationToken).ConfigureAwait(false);
        if (previous is { Outcome: { } outcome } && previous.RunId == input.RunId)
        {
            return new ActionOutcome(outcome, previous.Reason); // already settled in this run
        }

        if (previous is { Outcome: null })
        {
            var done = await actions.IsDoneAsync(candidate, cancellationToken).ConfigureAwait(false);
            if (done is null)
            {
                // Leave the intent open: the next attempt asks again rather than acting on a guess.
                return new ActionOutcome(AuditOutcome.Failed, "an earlier attempt was interrupted and the service could not be asked whether it took effect");
            }

            if (done == true)
            {
                return await SettleAsync(previous with { RunId = input.RunId }, AuditOutcome.Deleted, "an earlier interrupted attempt had already taken effect").ConfigureAwait(false);
            }
        }

        var intent = new DeletionLedgerEntry(candidate.ItemId, input.RunId, candidate.Action, timeProvider.GetUtcNow());
        await ledger.SaveAsync(intent, cancellationToken).ConfigureAwait(false);
        try
        {
            await actions.ExecuteAsync(candidate, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A refusal can mean "already gone" (404): the service's state is the judge.
            if (await actions.IsDoneAsync(candidate, cancellationToken).ConfigureAwait(false) == true)
            {
                return await SettleAsync(intent, AuditOutcome.Deleted, null).ConfigureAwait(false);
            }

            return await SettleAsync(intent, AuditOutcome.Failed, ex.Message).ConfigureAwait(false);
        }

        return await SettleAsync(intent, AuditOutcome.Deleted, null).ConfigureAwait(false);

        async Task<ActionOutcome> SettleAsync(DeletionLedgerEntry entry, AuditOutcome result, string? reason)
        {
            await ledger.SaveAsync(entry with { Outcome = result, Reason = reason, OutcomeAt = timeProvider.GetUtcNow() }, cancellationToken).ConfigureAwait(false);
            return new ActionOutcome(result, reason);
        }
    }
}
