namespace Cleanup.Api;

/// <summary>
/// Engine settings shared by both hosts, bound from the <c>Cleanup</c> section
/// (env: <c>Cleanup__DryRun</c>, app settings in Azure).
/// </summary>
public sealed class CleanupSettings
{
    public const string SectionName = "Cleanup";

    /// <summary>Simulate deletions (audit what would happen). True unless the owner turns it off.</summary>
    public bool DryRun { get; set; } = true;

    /// <summary>The second, separate switch: real deletion needs DryRun=false AND EnableDeletion=true.</summary>
    public bool EnableDeletion { get; set; }

    /// <summary>An item is "leaving soon" when it is due within this many days.</summary>
    public int LeavingSoonWindowDays { get; set; } = 14;

    /// <summary>Minimum time an item is shown as leaving soon before it may be deleted.</summary>
    public int GracePeriodDays { get; set; } = 14;

    /// <summary>Default retention for movies (e.g. "30d", "12h", "never").</summary>
    public string MovieRetention { get; set; } = "30d";

    /// <summary>Default retention for series.</summary>
    public string SeriesRetention { get; set; } = "60d";

    /// <summary>True only when both switches allow real deletion.</summary>
    public bool DeletesForReal => !DryRun && EnableDeletion;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (LeavingSoonWindowDays is < 0 or > 365)
        {
            errors.Add($"{SectionName}:LeavingSoonWindowDays must be between 0 and 365 (was {LeavingSoonWindowDays}).");
        }

        if (GracePeriodDays is < 0 or > 365)
        {
            errors.Add($"{SectionName}:GracePeriodDays must be between 0 and 365 (was {GracePeriodDays}).");
        }

        return errors;
    }
}
