namespace Cleanup.Engine.Evaluation;

/// <summary>
/// What the caller remembers between runs and passes back in: when items were first flagged, manual keeps and
/// postponements (by library item id), and the free disk space for disk-space mode.
/// </summary>
public sealed record EvaluationState
{
    public static EvaluationState Empty { get; } = new();

    /// <summary>When each item was first shown as leaving soon (from the previous <see cref="EvaluationResult.FlaggedAt"/>).</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> FlaggedAt { get; init; } = new Dictionary<string, DateTimeOffset>();

    /// <summary>Items someone kept by hand. A keep on a series covers its seasons and episodes; on a season, its episodes.</summary>
    public IReadOnlyCollection<string> Keeps { get; init; } = [];

    /// <summary>Items postponed until a date (cascading like keeps).</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> PostponedUntil { get; init; } = new Dictionary<string, DateTimeOffset>();

    /// <summary>Free bytes on the media disks, for disk-space mode; null when unknown (then nothing is deleted in that mode).</summary>
    public long? FreeSpaceBytes { get; init; }
}
