using Cleanup.Engine.Ports;
using Cleanup.Engine.Workflows;

namespace Cleanup.Engine.Deletion.Activities;

/// <summary>Writes the audit line of one item of the run (replacing any earlier line of the same run and item).</summary>
public sealed class RecordDeletionActivity(IAuditLog audit) : IActivity<RecordDeletionInput, RecordedDeletion>
{
    public static string Name => ActivityNames.RecordDeletion;

    public async Task<RecordedDeletion> RunAsync(RecordDeletionInput input, CancellationToken cancellationToken)
    {
        var entry = AuditEntry.For(input.RunId, input.Actor, input.Mode, input.Candidate, input.Outcome.Outcome, input.Outcome.Reason, input.At);
        await audit.RecordAsync(entry, cancellationToken).ConfigureAwait(false);
        return new RecordedDeletion(entry.Id);
    }
}
