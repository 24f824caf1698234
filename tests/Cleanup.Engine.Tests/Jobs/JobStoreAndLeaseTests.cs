using System.Text.Json;
using System.Text.Json.Serialization;
using Cleanup.Engine.Jobs;
using Cleanup.Engine.Jobs.InMemory;
using Cleanup.Engine.Sources;
using Cleanup.Engine.Tests.Workflows.Support;

namespace Cleanup.Engine.Tests.Jobs;

public sealed class JobStoreAndLeaseTests
{
    private static readonly DateTimeOffset Start = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_store_keeps_the_newest_hundred_jobs_newest_first()
    {
        var store = new InMemoryJobStore();
        for (var i = 0; i < 105; i++)
        {
            await store.SaveAsync(new Job($"j{i}", JobKind.IncrementalSync, JobStatus.Completed, JobTrigger.Schedule, Start.AddMinutes(i), null, null, [], []), default);
        }

        var jobs = await store.ListAsync(default);

        Assert.Equal(100, jobs.Count);
        Assert.Equal("j104", jobs[0].Id);
        Assert.Null(await store.GetAsync("j4", default));
        Assert.NotNull(await store.GetAsync("j5", default));
    }

    [Fact]
    public async Task A_lease_is_exclusive_until_released_or_expired()
    {
        var clock = new ManualTimeProvider(Start);
        var lease = new InMemoryJobLease(clock);

        Assert.True((await lease.TryAcquireAsync("FullSync", "a", TimeSpan.FromMinutes(2), default)).Acquired);
        var refused = await lease.TryAcquireAsync("FullSync", "b", TimeSpan.FromMinutes(2), default);
        Assert.False(refused.Acquired);
        Assert.Equal("a", refused.HolderJobId);
        Assert.True((await lease.TryAcquireAsync("Cleanup", "c", TimeSpan.FromMinutes(2), default)).Acquired);

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(await lease.RenewAsync("FullSync", "a", TimeSpan.FromMinutes(2), default));
        Assert.False(await lease.RenewAsync("FullSync", "b", TimeSpan.FromMinutes(2), default));
        clock.Advance(TimeSpan.FromMinutes(2));

        Assert.True((await lease.TryAcquireAsync("FullSync", "b", TimeSpan.FromMinutes(2), default)).Acquired); // a crashed holder stops blocking
        Assert.False(await lease.RenewAsync("FullSync", "a", TimeSpan.FromMinutes(2), default));
        await lease.ReleaseAsync("FullSync", "a", default); // not the holder: no effect
        Assert.False((await lease.TryAcquireAsync("FullSync", "d", TimeSpan.FromMinutes(2), default)).Acquired);
    }

    [Fact]
    public void A_job_serializes_as_the_api_contract_says_whatever_the_host_enum_setting()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        var job = new Job("j1", JobKind.FullSync, JobStatus.Running, JobTrigger.Webhook, Start, null, new JobProgress("Reading sources", 1, 5),
            [new JobSource("radarr", ServiceKind.Radarr, SourceOutcome.Failed, 0, "HTTP 503")], ["x"]);

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(job, options));
        var root = json.RootElement;

        Assert.Equal("FullSync", root.GetProperty("kind").GetString());
        Assert.Equal("Running", root.GetProperty("status").GetString());
        Assert.Equal("webhook", root.GetProperty("trigger").GetString());
        Assert.Equal("2026-05-01T12:00:00+00:00", root.GetProperty("startedAt").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("finishedAt").ValueKind);
        Assert.Equal("Reading sources", root.GetProperty("progress").GetProperty("step").GetString());
        var source = root.GetProperty("sources")[0];
        Assert.Equal("Radarr", source.GetProperty("kind").GetString());
        Assert.Equal("failed", source.GetProperty("outcome").GetString());
        Assert.Equal(0, source.GetProperty("items").GetInt32());
        Assert.Equal("HTTP 503", source.GetProperty("error").GetString());
    }
}
