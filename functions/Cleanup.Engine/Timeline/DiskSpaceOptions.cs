namespace Cleanup.Engine.Timeline;

/// <summary>
/// Disk-space mode: due items are deleted only while free space is under <see cref="MinimumFreeGb"/>, least valuable
/// first (longest since anyone watched it, never-watched first; then largest). The rest stay leaving soon.
/// </summary>
public sealed record DiskSpaceOptions
{
    public bool Enabled { get; init; }

    /// <summary>Delete until at least this much is free (gigabytes, 10^9 bytes).</summary>
    public double MinimumFreeGb { get; init; } = 100;
}
