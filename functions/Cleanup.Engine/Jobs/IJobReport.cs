namespace Cleanup.Engine.Jobs;

/// <summary>What a workflow's result tells its job: per-source outcomes and errors worth showing.</summary>
public interface IJobReport
{
    IReadOnlyList<JobSource> Sources { get; }

    IReadOnlyList<string> Errors { get; }
}
