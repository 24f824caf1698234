namespace Cleanup.Server;

/// <summary>Settings only the self-host has, bound from the <c>Cleanup</c> section.</summary>
public sealed class SelfHostSettings
{
    public const string SectionName = "Cleanup";

    /// <summary>Serve built-in sample services (set by <c>--demo</c>).</summary>
    public bool Demo { get; set; }

    /// <summary>Where the self-started Azurite keeps its data.</summary>
    public string DataFolder { get; set; } = ".data";

    /// <summary>Run a full sync right after start (default on in demo mode, so the dashboard has data at once).</summary>
    public bool? SyncOnStart { get; set; }
}
