using Cleanup.Engine.Ports;
using Cleanup.Engine.Workflows;

namespace Cleanup.Engine.Deletion.Activities;

/// <summary>
/// Loads the due items and decides what this run may touch: nothing when an anomaly stops the run, otherwise what
/// fits the <see cref="DeletionBudget"/>. Every due item left out is audited as skipped, with why. The mode is
/// decided here, from both switches, once per run.
/// </summary>
public sealed class PlanDeletionsActivity(IDeletionCandidateSource candidates, IAuditLog audit, DeletionOptions options)
    : IActivity<PlanDeletionsInput, DeletionPlan>
{
    public static string Name => ActivityNames.PlanDeletions;

    public async Task<DeletionPlan> RunAsync(PlanDeletionsInput input, CancellationToken cancellationToken)
    {
        var mode = options.Mode;
        var due = (await candidates.ListDueAsync(input.Now, cancellationToken).ConfigureAwait(false))
            .Where(c => c.Action != DeletionAction.DoNothing)
            .OrderBy(c => c.DeletionDate ?? DateTimeOffset.MaxValue)
            .ThenBy(c => c.ItemId, StringComparer.Ordinal)
            .ToList();

        if (input.Anomalies.Stop)
        {
            var reason = "deletions stopped: " + string.Join("; ", input.Anomalies.Reasons);
            foreach (var candidate in due)
            {
                await SkipAsync(candidate, reason).ConfigureAwait(false);
            }

            return new DeletionPlan(mode, [], due.Count, due.Count, [reason], options.StopAfterConsecutiveFailures);
        }

        var (accepted, skipped) = options.Budget.Apply(due);
        foreach (var (candidate, reason) in skipped)
        {
            await SkipAsync(candidate, reason).ConfigureAwait(false);
        }

        var notes = skipped.Count > 0 ? new[] { $"{skipped.Count} due item(s) left for a later run: over the run's budget" } : [];
        return new DeletionPlan(mode, accepted, due.Count, skipped.Count, notes, options.StopAfterConsecutiveFailures);

        Task SkipAsync(DeletionCandidate candidate, string reason) =>
            audit.RecordAsync(AuditEntry.For(input.RunId, input.Actor, mode, candidate, AuditOutcome.Skipped, reason, input.Now), cancellationToken);
    }
}
