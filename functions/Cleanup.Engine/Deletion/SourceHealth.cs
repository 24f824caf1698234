using Cleanup.Engine.Jobs;
using Cleanup.Engine.Sources;

namespace Cleanup.Engine.Deletion;

/// <summary>
/// What Cleanup knows about how trustworthy a source's last reads were. The anomaly check reads it before any
/// deletion; incremental syncs use <see cref="LastGoodReadAt"/> as their "changed since" cursor.
/// </summary>
/// <param name="LastOutcome">Outcome of the latest read of any kind (full or changes only).</param>
/// <param name="LastGoodReadAt">When the latest successful read started.</param>
/// <param name="LastFullCount">Items returned by the latest successful full read.</param>
/// <param name="BaselineCount">Items at the last full read judged plausible: drops are measured against it.</param>
/// <param name="SuspectSyncs">Consecutive full reads with an implausible drop.</param>
/// <param name="Anomaly">Why the latest full read looks wrong, or null.</param>
public sealed record SourceHealth(
    string Source,
    ServiceKind Kind,
    DateTimeOffset LastAttemptAt,
    SourceOutcome LastOutcome,
    string? LastError,
    DateTimeOffset? LastGoodReadAt,
    int? LastFullCount,
    int? BaselineCount,
    int SuspectSyncs,
    string? Anomaly);
