using Cleanup.Engine.Jobs;

namespace Cleanup.Engine.Workflows;

public sealed record FullSyncInput;

/// <param name="Hints">Items a webhook said changed; empty for the scheduled run.</param>
public sealed record IncrementalSyncInput(IReadOnlyList<ItemHint> Hints)
{
    public IncrementalSyncInput()
        : this([])
    {
    }
}

/// <summary>What a sync did: per-source outcomes, what the rules made of it, and the errors worth showing.</summary>
public sealed record SyncResult(
    IReadOnlyList<SourceSyncSummary> Reads,
    EvaluationSummary Evaluation,
    IReadOnlyList<string> Errors) : IJobReport
{
    IReadOnlyList<JobSource> IJobReport.Sources => [.. Reads.Select(r => r.ToJobSource())];
}
