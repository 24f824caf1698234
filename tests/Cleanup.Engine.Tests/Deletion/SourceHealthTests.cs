using Cleanup.Engine.Deletion;
using Cleanup.Engine.Jobs;
using Cleanup.Engine.Sources;
using Cleanup.Engine.Workflows;

namespace Cleanup.Engine.Tests.Deletion;

public sealed class SourceHealthTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 3, 0, 0, TimeSpan.Zero);
    private static readonly SourceRef Radarr = new("radarr", ServiceKind.Radarr, SourceRole.Movies);
    private readonly DeletionOptions options = new() { AcceptDropAfterSyncs = 3 };

    [Fact]
    public void A_drop_below_the_ratio_is_an_anomaly_and_does_not_move_the_baseline()
    {
        var health = SourceHealthTracker.Apply(null, Read(100), options);
        health = SourceHealthTracker.Apply(health, Read(49), options);

        Assert.Equal(100, health.BaselineCount);
        Assert.NotNull(health.Anomaly);
        Assert.Equal(49, health.LastFullCount);
    }

    [Fact]
    public void A_drop_to_just_the_ratio_is_plausible()
    {
        var health = SourceHealthTracker.Apply(SourceHealthTracker.Apply(null, Read(100), options), Read(50), options);

        Assert.Null(health.Anomaly);
        Assert.Equal(50, health.BaselineCount);
    }

    [Fact]
    public void A_drop_that_consecutive_syncs_agree_on_becomes_the_new_baseline()
    {
        var health = SourceHealthTracker.Apply(null, Read(100), options);
        health = SourceHealthTracker.Apply(health, Read(20), options);
        health = SourceHealthTracker.Apply(health, Read(20), options);
        Assert.NotNull(health.Anomaly);

        health = SourceHealthTracker.Apply(health, Read(20), options);

        Assert.Null(health.Anomaly);
        Assert.Equal(20, health.BaselineCount);
    }

    [Fact]
    public void A_drop_is_never_accepted_when_automatic_acceptance_is_off()
    {
        var strict = new DeletionOptions { AcceptDropAfterSyncs = 0 };
        var health = SourceHealthTracker.Apply(null, Read(100), strict);
        for (var i = 0; i < 50; i++)
        {
            health = SourceHealthTracker.Apply(health, Read(10), strict);
        }

        Assert.NotNull(health.Anomaly);
    }

    [Fact]
    public void A_failed_read_keeps_the_last_good_read_as_cursor_and_a_delta_keeps_the_counts()
    {
        var health = SourceHealthTracker.Apply(null, Read(100), options);
        var failed = SourceHealthTracker.Apply(health, Read(0) with { Outcome = SourceOutcome.Failed, Error = "HTTP 503", ReadAt = Now.AddHours(1) }, options);
        var delta = SourceHealthTracker.Apply(failed, Read(3) with { Mode = SyncMode.WatchChanges, ReadAt = Now.AddHours(2) }, options);

        Assert.Equal(SourceOutcome.Failed, failed.LastOutcome);
        Assert.Equal(Now, failed.LastGoodReadAt);
        Assert.Equal(SourceOutcome.Ok, delta.LastOutcome);
        Assert.Equal(Now.AddHours(2), delta.LastGoodReadAt);
        Assert.Equal(100, delta.BaselineCount);
        Assert.Null(delta.Anomaly);
    }

    [Fact]
    public void Unread_and_stale_sources_stop_deletions()
    {
        var configured = new[] { Radarr, new SourceRef("jellyfin", ServiceKind.Jellyfin, SourceRole.MediaServer) };
        var stale = SourceHealthTracker.Apply(null, Read(100) with { ReadAt = Now.AddHours(-7) }, options);

        var report = AnomalyCheck.Evaluate(configured, [stale], Now, options);

        Assert.True(report.Stop);
        Assert.Contains(report.Reasons, r => r.StartsWith("Jellyfin 'jellyfin' has not been read yet", StringComparison.Ordinal));
        Assert.Contains(report.Reasons, r => r.StartsWith("Radarr 'radarr' was last read successfully", StringComparison.Ordinal));
    }

    [Fact]
    public void Healthy_recent_sources_do_not_stop_deletions()
    {
        var report = AnomalyCheck.Evaluate([Radarr], [SourceHealthTracker.Apply(null, Read(100) with { ReadAt = Now.AddHours(-1) }, options)], Now, options);

        Assert.False(report.Stop);
    }

    private static SourceSyncSummary Read(int count) => new(Radarr, SyncMode.Full, SourceOutcome.Ok, count, null, null, Now);
}
