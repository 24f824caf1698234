using Cleanup.Engine.Workflows;

namespace Cleanup.Engine.Ports;

/// <summary>
/// The rules engine as the sync workflows see it. The host binds it to the unified library and the retention
/// evaluator. Failed sources in the input must make their data unknown, never empty.
/// </summary>
public interface ILibraryEvaluation
{
    /// <summary>Loads the snapshots, unifies them into the library, evaluates every item, and stages the changes.</summary>
    Task<EvaluationSummary> UnifyAndEvaluateAsync(EvaluateInput input, CancellationToken cancellationToken);

    /// <summary>Merges watch-state deltas into the stored library and re-evaluates the items they touch.</summary>
    Task<EvaluationSummary> ApplyWatchChangesAsync(ApplyWatchChangesInput input, CancellationToken cancellationToken);

    /// <summary>Writes the staged changes (only what changed).</summary>
    Task<PersistSummary> PersistChangesAsync(PersistInput input, CancellationToken cancellationToken);
}
