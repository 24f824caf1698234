using Cleanup.Engine.Jobs;
using Cleanup.Engine.Workflows;

namespace Cleanup.Engine.Deletion;

/// <summary>
/// Deletes what is due, safely: stop everything on an anomaly; plan within the budget; then, one item at a time,
/// look again, act (at most once), and audit. Afterwards reset requests, refresh libraries, update the
/// collections, and notify. Dry run unless both switches allow deletion (decided by "PlanDeletions").
/// </summary>
public sealed class CleanupWorkflow : IWorkflow<CleanupInput, CleanupResult>
{
    public static string Name => "Cleanup";

    public async Task<CleanupResult> RunAsync(IWorkflowContext context, CleanupInput input)
    {
        var runId = context.InstanceId;
        var actor = input.Actor;
        try
        {
            var now = context.CurrentUtcDateTime;
            context.SetProgress("Checking sources", 0, 1);
            var anomalies = await context.CallActivityAsync<AnomalyReport>(ActivityNames.CheckAnomalies, new CheckAnomaliesInput(runId, now), ActivityRetry.Standard);
            var plan = await context.CallActivityAsync<DeletionPlan>(ActivityNames.PlanDeletions, new PlanDeletionsInput(runId, now, actor, anomalies), ActivityRetry.Standard);

            var results = new List<(DeletionCandidate Candidate, ActionOutcome Outcome)>();
            var failuresInARow = 0;
            var stopAfter = plan.Items.Count; // set when the service keeps failing
            var errors = new List<string>(plan.Notes);
            for (var i = 0; i < plan.Items.Count; i++)
            {
                var candidate = plan.Items[i];
                context.SetProgress(plan.Mode == DeletionMode.Live ? "Deleting" : "Dry run", i, plan.Items.Count);
                ActionOutcome outcome;
                if (i >= stopAfter)
                {
                    outcome = new ActionOutcome(AuditOutcome.Skipped, $"stopped after {failuresInARow} failed actions in a row");
                }
                else
                {
                    var check = await context.CallActivityAsync<RecheckResult>(ActivityNames.RecheckItem, new RecheckItemInput(runId, candidate), ActivityRetry.Standard);
                    outcome = check.Status == RecheckStatus.StillDue
                        ? await context.CallActivityAsync<ActionOutcome>(ActivityNames.ActOnItem, new ActOnItemInput(runId, plan.Mode, candidate), ActivityRetry.Standard)
                        : new ActionOutcome(AuditOutcome.Skipped, check.Reason ?? check.Status.ToString());
                }

                await context.CallActivityAsync<RecordedDeletion>(
                    ActivityNames.RecordDeletion, new RecordDeletionInput(runId, actor, plan.Mode, candidate, outcome, context.CurrentUtcDateTime), ActivityRetry.Standard);
                results.Add((candidate, outcome));

                failuresInARow = outcome.Outcome == AuditOutcome.Failed ? failuresInARow + 1 : 0;
                if (failuresInARow >= plan.StopAfterConsecutiveFailures && stopAfter == plan.Items.Count)
                {
                    stopAfter = i + 1;
                    errors.Add($"stopped after {failuresInARow} failed actions in a row");
                }
            }

            var deleted = results.Where(r => r.Outcome.Outcome == AuditOutcome.Deleted).Select(r => r.Candidate).ToList();
            if (deleted.Count > 0)
            {
                context.SetProgress("Finishing", plan.Items.Count, plan.Items.Count);
                var finish = await context.CallActivityAsync<FinishSummary>(ActivityNames.FinishDeletions, new FinishDeletionsInput(runId, deleted), ActivityRetry.Standard);
                var collections = await context.CallActivityAsync<CollectionsSummary>(
                    ActivityNames.UpdateLeavingSoonCollections, new UpdateCollectionsInput(runId, [.. deleted.Select(d => d.ItemId)]), ActivityRetry.Standard);
                errors.AddRange([.. finish.Errors, .. collections.Errors]);
            }

            var notified = await context.CallActivityAsync<NotifySummary>(
                ActivityNames.NotifyDeleted,
                new NotifyDeletedInput(runId, plan.Mode, [.. results.Select(r => new DeletedItem(r.Candidate.ItemId, r.Candidate.Title, r.Candidate.MediaType, r.Candidate.SizeBytes, r.Outcome.Outcome, r.Outcome.Reason))]),
                ActivityRetry.Standard);
            errors.AddRange(notified.Errors);
            errors.AddRange(results.Where(r => r.Outcome.Outcome == AuditOutcome.Failed).Select(r => $"{r.Candidate.Title}: {r.Outcome.Reason}"));

            context.SetProgress("Done", plan.Items.Count, plan.Items.Count);
            return new CleanupResult(
                plan.Mode,
                plan.Due,
                Deleted: deleted.Count,
                WouldDelete: results.Count(r => r.Outcome.Outcome == AuditOutcome.WouldDelete),
                Skipped: plan.Skipped + results.Count(r => r.Outcome.Outcome == AuditOutcome.Skipped),
                Failed: results.Count(r => r.Outcome.Outcome == AuditOutcome.Failed),
                ReclaimedBytes: deleted.Sum(d => d.SizeBytes),
                WouldReclaimBytes: results.Where(r => r.Outcome.Outcome == AuditOutcome.WouldDelete).Sum(r => r.Candidate.SizeBytes),
                anomalies.Reasons,
                errors);
        }
        catch (Exception ex)
        {
            await WorkflowFailure.NotifyAsync(context, JobKind.Cleanup, ex);
            throw;
        }
    }
}
