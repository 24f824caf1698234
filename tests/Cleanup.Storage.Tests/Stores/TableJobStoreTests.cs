using Cleanup.Engine.Jobs;
using Cleanup.Engine.Ports;
using Cleanup.Engine.Sources;
using Cleanup.Storage.Stores;
using Cleanup.Storage.Tables;
using Cleanup.Testing.Azurite;

namespace Cleanup.Storage.Tests.Stores;

[Collection(AzuriteFixture.Collection)]
public sealed class TableJobStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Start = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private async Task<TableClient> NewTableAsync()
    {
        var table = azurite.CreateAccount().GetTableClient(azurite.NewTablePrefix() + TableJobStore.TableName);
        await table.CreateIfNotExistsAsync();
        return table;
    }

    private static Job NewJob(string id, DateTimeOffset startedAt) =>
        new(id, JobKind.IncrementalSync, JobStatus.Completed, JobTrigger.Schedule, startedAt, null, null, [], []);

    [Fact]
    public async Task The_store_keeps_the_newest_hundred_jobs_newest_first()
    {
        var store = new TableJobStore(await NewTableAsync());

        // Saved out of order, so the list order comes from StartedAt and not from the order of saving.
        foreach (var i in Enumerable.Range(0, 105).OrderBy(i => (i * 37) % 105))
        {
            await store.SaveAsync(NewJob($"j{i}", Start.AddMinutes(i)), default);
        }

        var jobs = await store.ListAsync(default);

        Assert.Equal(IJobStore.Retained, jobs.Count);
        Assert.Equal(Enumerable.Range(5, 100).Reverse().Select(i => $"j{i}"), jobs.Select(j => j.Id));
        Assert.Null(await store.GetAsync("j4", default));
        Assert.NotNull(await store.GetAsync("j5", default));
    }

    [Fact]
    public async Task Saving_a_job_again_replaces_it_and_a_job_reads_back_whole()
    {
        var store = new TableJobStore(await NewTableAsync());
        var running = new Job("a1", JobKind.FullSync, JobStatus.Running, JobTrigger.User, Start, null, new JobProgress("Reading sources", 1, 5), [], [])
        {
            Actor = "user:owner",
        };
        await store.SaveAsync(running, default);
        await store.SaveAsync(NewJob("b2", Start.AddMinutes(-1)), default);

        var finished = running with
        {
            Status = JobStatus.Failed,
            FinishedAt = Start.AddMinutes(3),
            Progress = null,
            Sources = [new JobSource("radarr", ServiceKind.Radarr, SourceOutcome.Failed, 0, "HTTP 503"), new JobSource("plex", ServiceKind.Plex, SourceOutcome.Ok, 812, null)],
            Errors = ["radarr: HTTP 503"],
        };
        await store.SaveAsync(finished, default);

        var read = await store.GetAsync("a1", default);
        Assert.NotNull(read);
        Assert.Equal(finished with { Sources = [], Errors = [] }, read with { Sources = [], Errors = [] });
        Assert.Equal(finished.Sources, read.Sources);
        Assert.Equal(finished.Errors, read.Errors);
        Assert.Equal("user:owner", read.Actor);

        var list = await store.ListAsync(default);
        Assert.Equal(["a1", "b2"], list.Select(j => j.Id));
        Assert.Equal(JobStatus.Failed, list[0].Status);
    }

    [Fact]
    public async Task A_job_whose_start_moves_is_listed_once_at_its_new_place()
    {
        var store = new TableJobStore(await NewTableAsync());
        await store.SaveAsync(NewJob("a", Start), default);
        await store.SaveAsync(NewJob("b", Start.AddMinutes(1)), default);

        await store.SaveAsync(NewJob("a", Start.AddMinutes(2)), default);

        Assert.Equal(["a", "b"], (await store.ListAsync(default)).Select(j => j.Id));
    }

    [Fact]
    public async Task Ids_that_are_not_valid_table_keys_still_work()
    {
        var store = new TableJobStore(await NewTableAsync());
        await store.SaveAsync(NewJob("run/1#?%", Start), default);

        Assert.Equal("run/1#?%", (await store.GetAsync("run/1#?%", default))?.Id);
        Assert.Null(await store.GetAsync("run/1", default));
        Assert.Equal("run/1#?%", Assert.Single(await store.ListAsync(default)).Id);
    }

    [Fact]
    public async Task Two_processes_saving_jobs_at_once_lose_none()
    {
        var table = await NewTableAsync();
        var account = azurite.CreateAccount();
        var stores = new[] { new TableJobStore(table), new TableJobStore(account.GetTableClient(table.Name)) };

        await Parallel.ForEachAsync(Enumerable.Range(0, 30), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
            await stores[i % 2].SaveAsync(NewJob($"p{i:00}", Start.AddSeconds(i)), ct));

        var ids = (await stores[0].ListAsync(default)).Select(j => j.Id).ToList();
        Assert.Equal(Enumerable.Range(0, 30).Reverse().Select(i => $"p{i:00}"), ids);
    }
}
