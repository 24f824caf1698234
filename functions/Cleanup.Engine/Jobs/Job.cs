using System.Text.Json.Serialization;
using Cleanup.Engine.Sources;

namespace Cleanup.Engine.Jobs;

/// <summary>A run of a workflow, as <c>GET /api/jobs</c> shows it. Converters sit on the properties so the API's
/// global JSON settings cannot change the contract's spelling.</summary>
public sealed record Job(
    string Id,
    [property: JsonConverter(typeof(JsonStringEnumConverter<JobKind>))] JobKind Kind,
    [property: JsonConverter(typeof(JsonStringEnumConverter<JobStatus>))] JobStatus Status,
    [property: JsonConverter(typeof(JsonStringEnumConverter<JobTrigger>))] JobTrigger Trigger,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    JobProgress? Progress,
    IReadOnlyList<JobSource> Sources,
    IReadOnlyList<string> Errors)
{
    /// <summary>Who started it: "schedule", "user:&lt;name&gt;" or "webhook:&lt;service&gt;" (audited with deletions).</summary>
    public string Actor { get; init; } = "schedule";

    public bool IsFinished => Status is JobStatus.Completed or JobStatus.Failed;
}

public enum JobKind
{
    FullSync,
    IncrementalSync,
    Cleanup,
}

public enum JobStatus
{
    Pending,
    Running,
    Completed,
    Failed,
}

public enum JobTrigger
{
    [JsonStringEnumMemberName("schedule")]
    Schedule,

    [JsonStringEnumMemberName("user")]
    User,

    [JsonStringEnumMemberName("webhook")]
    Webhook,
}

public sealed record JobProgress(string Step, int Done, int Total);

/// <summary>How one source fared in the run.</summary>
public sealed record JobSource(
    string Name,
    [property: JsonConverter(typeof(JsonStringEnumConverter<ServiceKind>))] ServiceKind Kind,
    [property: JsonConverter(typeof(JsonStringEnumConverter<SourceOutcome>))] SourceOutcome Outcome,
    int Items,
    string? Error);

public enum SourceOutcome
{
    [JsonStringEnumMemberName("ok")]
    Ok,

    [JsonStringEnumMemberName("failed")]
    Failed,
}
