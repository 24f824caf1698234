using Cleanup.Engine.Ports;
using Cleanup.Engine.Workflows;
using Cleanup.Engine.Workflows.Activities;

namespace Cleanup.Engine.Deletion.Activities;

/// <summary>Whether this run's deletions must stop (see <see cref="AnomalyCheck"/>).</summary>
public sealed class CheckAnomaliesActivity(IServiceCatalog catalog, ISourceHealthStore health, DeletionOptions options)
    : IActivity<CheckAnomaliesInput, AnomalyReport>
{
    public static string Name => ActivityNames.CheckAnomalies;

    public async Task<AnomalyReport> RunAsync(CheckAnomaliesInput input, CancellationToken cancellationToken)
    {
        var records = await health.ListAsync(cancellationToken).ConfigureAwait(false);
        return AnomalyCheck.Evaluate(ListSourcesActivity.List(catalog), records, input.Now, options);
    }
}
