using System.Text.Json.Serialization;

namespace Cleanup.Engine.Deletion;

/// <summary>
/// One line of the deletion audit: every action taken, every action a dry run would have taken, and every due
/// item that was skipped, with why. <see cref="Id"/> is "{runId}:{itemId}", so recording the same item of the same
/// run again replaces the line instead of adding one (retries and resumed runs leave one line per item).
/// </summary>
/// <param name="Actor">"schedule", "user:&lt;name&gt;" or "webhook:&lt;service&gt;".</param>
public sealed record AuditEntry(
    string Id,
    string RunId,
    string ItemId,
    string Title,
    [property: JsonConverter(typeof(JsonStringEnumConverter<DeletionMediaType>))] DeletionMediaType MediaType,
    long SizeBytes,
    string Rule,
    [property: JsonConverter(typeof(JsonStringEnumConverter<DeletionAction>))] DeletionAction Action,
    bool DryRun,
    string Actor,
    DateTimeOffset At,
    [property: JsonConverter(typeof(JsonStringEnumConverter<AuditOutcome>))] AuditOutcome Outcome,
    string? Reason,
    IReadOnlyList<string> Trace)
{
    public static string IdFor(string runId, string itemId) => $"{runId}:{itemId}";

    public static AuditEntry For(string runId, string actor, DeletionMode mode, DeletionCandidate candidate, AuditOutcome outcome, string? reason, DateTimeOffset at) =>
        new(IdFor(runId, candidate.ItemId), runId, candidate.ItemId, candidate.Title, candidate.MediaType, candidate.SizeBytes, candidate.Rule,
            candidate.Action, mode == DeletionMode.DryRun, actor, at, outcome, reason, candidate.Trace);
}

public enum AuditOutcome
{
    [JsonStringEnumMemberName("deleted")]
    Deleted,

    [JsonStringEnumMemberName("would-delete")]
    WouldDelete,

    [JsonStringEnumMemberName("skipped")]
    Skipped,

    [JsonStringEnumMemberName("failed")]
    Failed,
}

/// <summary>One page of the audit, newest first, with totals over the whole audit.</summary>
/// <param name="ReclaimedBytes">Sum of sizes of "deleted" lines.</param>
/// <param name="WouldReclaimBytes">Sum of sizes of "would-delete" lines.</param>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Items, int Total, long ReclaimedBytes, long WouldReclaimBytes);
