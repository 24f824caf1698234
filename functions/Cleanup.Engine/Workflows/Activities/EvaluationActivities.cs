using Cleanup.Engine.Ports;

namespace Cleanup.Engine.Workflows.Activities;

/// <summary>Binds "UnifyAndEvaluate" to the rules engine through <see cref="ILibraryEvaluation"/>.</summary>
public sealed class UnifyAndEvaluateActivity(ILibraryEvaluation evaluation) : IActivity<EvaluateInput, EvaluationSummary>
{
    public static string Name => ActivityNames.UnifyAndEvaluate;

    public Task<EvaluationSummary> RunAsync(EvaluateInput input, CancellationToken cancellationToken) =>
        evaluation.UnifyAndEvaluateAsync(input, cancellationToken);
}

public sealed class ApplyWatchChangesActivity(ILibraryEvaluation evaluation) : IActivity<ApplyWatchChangesInput, EvaluationSummary>
{
    public static string Name => ActivityNames.ApplyWatchChanges;

    public Task<EvaluationSummary> RunAsync(ApplyWatchChangesInput input, CancellationToken cancellationToken) =>
        evaluation.ApplyWatchChangesAsync(input, cancellationToken);
}

public sealed class PersistChangesActivity(ILibraryEvaluation evaluation) : IActivity<PersistInput, PersistSummary>
{
    public static string Name => ActivityNames.PersistChanges;

    public Task<PersistSummary> RunAsync(PersistInput input, CancellationToken cancellationToken) =>
        evaluation.PersistChangesAsync(input, cancellationToken);
}
