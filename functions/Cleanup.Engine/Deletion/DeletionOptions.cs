namespace Cleanup.Engine.Deletion;

/// <summary>
/// The safety settings of the deletion pipeline, bound from the <c>Deletion</c> section. Real deletion needs two
/// separate switches: <see cref="DryRun"/> = false AND <see cref="EnableDeletion"/> = true.
/// </summary>
public sealed class DeletionOptions
{
    public const string Section = "Deletion";

    /// <summary>Default true: audit what would happen, change nothing.</summary>
    public bool DryRun { get; set; } = true;

    /// <summary>Default false: the second, separate switch for real deletion.</summary>
    public bool EnableDeletion { get; set; }

    /// <summary>At most this many items acted on per run; the rest are skipped and audited.</summary>
    public int MaxItemsPerRun { get; set; } = 10;

    /// <summary>At most this much (GiB, 1024³ bytes) deleted per run.</summary>
    public double MaxGigabytesPerRun { get; set; } = 100;

    /// <summary>A full read returning fewer than this share of the items of the source's last good read is an anomaly.</summary>
    public double MinimumSourceRatio { get; set; } = 0.5;

    /// <summary>
    /// After this many consecutive full syncs that agree on the lower count, it becomes the new baseline (the
    /// library really shrank). 0 = never accept a drop automatically.
    /// </summary>
    public int AcceptDropAfterSyncs { get; set; } = 24;

    /// <summary>Deletions stop when a source's last good read is older than this (the data is stale).</summary>
    public TimeSpan MaxSyncAge { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Sources (by configured name) whose failure does not stop deletions. Default: every source is required.</summary>
    public List<string> OptionalSources { get; set; } = [];

    /// <summary>Stops the run's remaining deletions after this many failed actions in a row (the service is likely down).</summary>
    public int StopAfterConsecutiveFailures { get; set; } = 3;

    /// <summary>Live only when both switches say so.</summary>
    public DeletionMode Mode => !DryRun && EnableDeletion ? DeletionMode.Live : DeletionMode.DryRun;

    public DeletionBudget Budget => new(MaxItemsPerRun, (long)(MaxGigabytesPerRun * DeletionBudget.BytesPerGigabyte));

    /// <summary>Problems, each naming its setting; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (MaxItemsPerRun is < 0 or > 10_000)
        {
            errors.Add($"{Section}:MaxItemsPerRun must be between 0 and 10000 (was {MaxItemsPerRun}).");
        }

        if (!double.IsFinite(MaxGigabytesPerRun) || MaxGigabytesPerRun < 0 || MaxGigabytesPerRun > 1_000_000)
        {
            errors.Add($"{Section}:MaxGigabytesPerRun must be between 0 and 1000000 (was {MaxGigabytesPerRun}).");
        }

        if (!double.IsFinite(MinimumSourceRatio) || MinimumSourceRatio is < 0 or > 1)
        {
            errors.Add($"{Section}:MinimumSourceRatio must be between 0 and 1 (was {MinimumSourceRatio}).");
        }

        if (AcceptDropAfterSyncs < 0)
        {
            errors.Add($"{Section}:AcceptDropAfterSyncs must be 0 or more (was {AcceptDropAfterSyncs}).");
        }

        if (MaxSyncAge <= TimeSpan.Zero)
        {
            errors.Add($"{Section}:MaxSyncAge must be positive (was {MaxSyncAge}).");
        }

        if (StopAfterConsecutiveFailures < 1)
        {
            errors.Add($"{Section}:StopAfterConsecutiveFailures must be 1 or more (was {StopAfterConsecutiveFailures}).");
        }

        return errors;
    }
}
