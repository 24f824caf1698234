using System.Globalization;
using Cleanup.Engine.Jobs;

namespace Cleanup.Api.Jobs;

/// <summary>
/// How the Functions host names its Durable orchestrations. Each workflow has one fixed instance id, so a second
/// start while it runs is refused (the singleton the self-host gets from its lease); each run still gets its own
/// run id, because audit lines, the deletion ledger and snapshots are keyed by it and must not collide across runs.
/// </summary>
public static class OrchestratedRuns
{
    /// <summary>"cleanup-fullsync", "cleanup-incrementalsync", "cleanup-cleanup": the job id the API shows.</summary>
    public static string InstanceIdOf(JobKind kind) => "cleanup-" + kind.ToString().ToLowerInvariant();

    public static IReadOnlyList<string> InstanceIds { get; } = [.. Enum.GetValues<JobKind>().Select(InstanceIdOf)];

    /// <summary>The run id of the run of <paramref name="instanceId"/> that started at <paramref name="startedAtUtc"/>.</summary>
    public static string RunIdOf(string instanceId, DateTimeOffset startedAtUtc) =>
        instanceId + "-" + startedAtUtc.UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture);
}

/// <summary>
/// The input of an orchestration: the workflow's own input plus who started it, which the job shows
/// (<see cref="Job.Trigger"/>, <see cref="Job.Actor"/>) and Durable otherwise does not keep.
/// </summary>
public sealed record WorkflowRun<TInput>(TInput Input, JobTrigger Trigger, string Actor);

/// <summary><see cref="WorkflowRun{TInput}"/> read without knowing the workflow's input type.</summary>
public sealed record WorkflowRunInfo(JobTrigger Trigger, string Actor);
