namespace Cleanup.Engine.Jobs;

/// <summary>How the in-process runner holds its leases.</summary>
public sealed class JobRunnerOptions
{
    /// <summary>A lease not renewed for this long is free again (a crashed process stops blocking runs).</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Renewed this often while the run goes on.</summary>
    public TimeSpan RenewEvery => LeaseDuration / 3;

    /// <summary>Called with failures that have no caller to go to (a background save, a lost lease). Hosts log them.</summary>
    public Action<string, Exception?>? OnBackgroundError { get; set; }
}
