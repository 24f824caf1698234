using Cleanup.Engine.Evaluation;
using Cleanup.Engine.Library;
using Cleanup.Engine.Ports;

namespace Cleanup.Engine.Sync.InMemory;

/// <summary>The latest library snapshot in memory (tests).</summary>
public sealed class InMemoryLibrarySnapshotStore : ILibrarySnapshotStore
{
    private (UnifiedLibrary Library, EvaluationState State)? latest;

    public Task SaveAsync(UnifiedLibrary library, EvaluationState? state, CancellationToken cancellationToken)
    {
        latest = (library, state ?? EvaluationState.Empty);
        return Task.CompletedTask;
    }

    public Task<(UnifiedLibrary Library, EvaluationState State)?> LoadLatestAsync(CancellationToken cancellationToken) =>
        Task.FromResult(latest);
}
