using Cleanup.Engine.Evaluation;
using Cleanup.Engine.Library;

namespace Cleanup.Engine.Ports;

/// <summary>
/// The library and evaluation state of the latest sync, kept so that a rule change can be previewed against them
/// without reading the home services again. The sync's evaluate step saves; the rules preview loads.
/// </summary>
public interface ILibrarySnapshotStore
{
    /// <summary>Replaces the latest snapshot. <paramref name="state"/> null stores <see cref="EvaluationState.Empty"/>.</summary>
    Task SaveAsync(UnifiedLibrary library, EvaluationState? state, CancellationToken cancellationToken);

    /// <summary>The latest snapshot; null before the first sync saved one.</summary>
    Task<(UnifiedLibrary Library, EvaluationState State)?> LoadLatestAsync(CancellationToken cancellationToken);
}
