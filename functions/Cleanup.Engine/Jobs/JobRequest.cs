namespace Cleanup.Engine.Jobs;

/// <param name="Actor">"schedule", "user:&lt;name&gt;" or "webhook:&lt;service&gt;".</param>
/// <param name="Input">The workflow's input record (e.g. <see cref="Workflows.IncrementalSyncInput"/>); null = defaults.</param>
public sealed record JobRequest(JobKind Kind, JobTrigger Trigger, string Actor, object? Input = null);

/// <param name="Started">False when a run of the same workflow was already going.</param>
/// <param name="Job">The new job, or the running one when not started.</param>
public sealed record JobStartResult(bool Started, Job Job);
