using Cleanup.Engine.Ports;
using Cleanup.Engine.Workflows;

namespace Cleanup.Engine.Deletion.Activities;

/// <summary>A fresh look at one item right before acting. A re-check that fails is "unknown", which skips the item.</summary>
public sealed class RecheckItemActivity(IItemRecheck recheck) : IActivity<RecheckItemInput, RecheckResult>
{
    public static string Name => ActivityNames.RecheckItem;

    public async Task<RecheckResult> RunAsync(RecheckItemInput input, CancellationToken cancellationToken)
    {
        try
        {
            return await recheck.RecheckAsync(input.Candidate, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new RecheckResult(RecheckStatus.Unknown, $"re-check failed: {ex.Message}");
        }
    }
}
