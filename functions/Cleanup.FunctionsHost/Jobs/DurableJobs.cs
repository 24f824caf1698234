using Cleanup.Api.Jobs;
using Cleanup.Engine.Deletion;
using Cleanup.Engine.Jobs;
using Cleanup.Engine.Ports;
using Cleanup.Engine.Workflows;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Cleanup.FunctionsHost.Jobs;

/// <summary>
/// Jobs as Durable orchestrations, behind the same ports the API handlers use in the self-host: starting one is
/// scheduling its workflow's orchestration under the workflow's fixed instance id; reading one is reading that
/// instance. Durable keeps the state, so there is nothing to save and only the latest run of each workflow is kept.
/// Made per invocation from the <c>[DurableClient]</c> binding.
/// </summary>
internal sealed class DurableJobs(DurableTaskClient client, TimeProvider timeProvider) : IJobStarter, IJobStore
{
    /// <summary>
    /// Singleton start (AZURE-FUNCTIONS.md §4): start only when the instance is absent or finished; a start that
    /// loses the race to another one (Durable refuses to replace a running instance) reports the running job.
    /// </summary>
    public async Task<JobStartResult> StartAsync(JobRequest request, CancellationToken cancellationToken)
    {
        var id = OrchestratedRuns.InstanceIdOf(request.Kind);
        if (await client.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken) is { IsCompleted: false } running)
        {
            return new JobStartResult(false, ToJob(running));
        }

        var now = timeProvider.GetUtcNow();
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(
                WorkflowDispatch.NameOf(request.Kind), InputOf(request), new StartOrchestrationOptions(id), cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            if (await client.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken) is { IsCompleted: false } winner)
            {
                return new JobStartResult(false, ToJob(winner));
            }

            throw;
        }

        return new JobStartResult(true, new Job(id, request.Kind, JobStatus.Pending, request.Trigger, now, null, new JobProgress("Starting", 0, 0), [], [])
        {
            Actor = request.Actor,
        });
    }

    public async Task<Job?> GetAsync(string id, CancellationToken cancellationToken) =>
        OrchestratedRuns.InstanceIds.Contains(id) && await client.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken) is { } instance
            ? ToJob(instance)
            : null;

    public async Task<IReadOnlyList<Job>> ListAsync(CancellationToken cancellationToken)
    {
        var jobs = new List<Job>();
        foreach (var id in OrchestratedRuns.InstanceIds)
        {
            if (await GetAsync(id, cancellationToken) is { } job)
            {
                jobs.Add(job);
            }
        }

        return [.. jobs.OrderByDescending(j => j.StartedAt)];
    }

    public Task SaveAsync(Job job, CancellationToken cancellationToken) =>
        throw new NotSupportedException("On Azure Functions, Durable records the state of each run; jobs are read from it, never saved.");

    /// <summary>The workflow's input wrapped with who started it (see <see cref="WorkflowRun{TInput}"/>).</summary>
    private static object InputOf(JobRequest request) => WorkflowDispatch.InputOf(request) switch
    {
        FullSyncInput input => new WorkflowRun<FullSyncInput>(input, request.Trigger, request.Actor),
        IncrementalSyncInput input => new WorkflowRun<IncrementalSyncInput>(input, request.Trigger, request.Actor),
        CleanupInput input => new WorkflowRun<CleanupInput>(input, request.Trigger, request.Actor),
        var other => throw new ArgumentOutOfRangeException(nameof(request), other.GetType().Name, "No workflow takes this input."),
    };

    /// <summary>The instance as the API's Job (API.md). Needs the instance read with inputs and outputs.</summary>
    private static Job ToJob(OrchestrationMetadata instance)
    {
        var kind = Enum.Parse<JobKind>(instance.Name, ignoreCase: true);
        var run = Read(instance.ReadInputAs<WorkflowRunInfo>);
        var status = instance.RuntimeStatus switch
        {
            OrchestrationRuntimeStatus.Pending => JobStatus.Pending,
            OrchestrationRuntimeStatus.Completed => JobStatus.Completed,
            OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated => JobStatus.Failed,
            _ => JobStatus.Running, // Running, Suspended
        };
        IJobReport? report = status != JobStatus.Completed ? null
            : kind == JobKind.Cleanup ? (IJobReport?)Read(instance.ReadOutputAs<CleanupResult>)
            : Read(instance.ReadOutputAs<SyncResult>);
        IReadOnlyList<string> errors = instance.RuntimeStatus switch
        {
            OrchestrationRuntimeStatus.Failed => [instance.FailureDetails?.ErrorMessage ?? "failed"],
            OrchestrationRuntimeStatus.Terminated => ["terminated"],
            _ => report?.Errors ?? [],
        };

        return new Job(
            instance.InstanceId,
            kind,
            status,
            run?.Trigger ?? JobTrigger.Schedule,
            instance.CreatedAt,
            status is JobStatus.Completed or JobStatus.Failed ? instance.LastUpdatedAt : null,
            Read(instance.ReadCustomStatusAs<JobProgress>),
            report?.Sources ?? [],
            errors)
        {
            Actor = run?.Actor ?? "schedule",
        };
    }

    /// <summary>State written by an older version of the host may not read as today's records: show the job without it.</summary>
    private static T? Read<T>(Func<T?> read)
        where T : class
    {
        try
        {
            return read();
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
