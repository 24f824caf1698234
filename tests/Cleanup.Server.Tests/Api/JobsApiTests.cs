using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cleanup.Engine.Jobs;
using Cleanup.Engine.Ports;
using Cleanup.Engine.Sources;
using Cleanup.Engine.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace Cleanup.Server.Tests.Api;

public sealed class JobsApiTests
{
    [Theory]
    [InlineData("/api/sync/full", JobKind.FullSync)]
    [InlineData("/api/sync/incremental", JobKind.IncrementalSync)]
    [InlineData("/api/cleanup", JobKind.Cleanup)]
    public async Task Starting_a_job_answers_202_with_where_to_follow_it(string path, JobKind kind)
    {
        var starter = new FakeStarter();
        await using var host = await ApiHost.StartAsync(configure: s => s.AddSingleton<IJobStarter>(starter));

        using var response = await host.Client.PostAsync(path, null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("/api/jobs/job-1", response.Headers.Location?.OriginalString);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("job-1", json.RootElement.GetProperty("jobId").GetString());
        Assert.Equal("/api/jobs/job-1", json.RootElement.GetProperty("statusUrl").GetString());
        var request = Assert.Single(starter.Requests);
        Assert.Equal(kind, request.Kind);
        Assert.Equal(JobTrigger.User, request.Trigger);
        Assert.Equal("user:anonymous", request.Actor);
    }

    [Fact]
    public async Task Starting_a_job_that_is_already_running_answers_409_with_the_running_id()
    {
        var starter = new FakeStarter();
        starter.Running[JobKind.Cleanup] = "job-running";
        await using var host = await ApiHost.StartAsync(configure: s => s.AddSingleton<IJobStarter>(starter));

        using var response = await host.Client.PostAsync("/api/cleanup", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(409, json.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("job-running", json.RootElement.GetProperty("jobId").GetString());
        Assert.Equal("/api/jobs/job-running", json.RootElement.GetProperty("statusUrl").GetString());
    }

    [Fact]
    public async Task A_real_run_can_be_followed_to_completion_and_a_second_trigger_meanwhile_gets_409()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await ApiHost.StartAsync(configure: s => s
            .AddSingleton<IServiceCatalog>(new EmptyCatalog())
            .AddSingleton<ILibraryEvaluation>(new GatedEvaluation(gate.Task))
            .AddSingleton<ILeavingSoonSource>(new NoLeavingSoon()));

        using var first = await host.Client.PostAsync("/api/sync/full", null);
        var jobId = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobId").GetString()!;
        using var second = await host.Client.PostAsync("/api/sync/full", null);
        var conflict = await second.Content.ReadFromJsonAsync<JsonElement>();
        gate.SetResult();
        await host.Services.GetRequiredService<JobRunner>().WhenIdleAsync();
        var job = await host.Client.GetFromJsonAsync<JsonElement>($"/api/jobs/{jobId}");
        var list = await host.Client.GetFromJsonAsync<JsonElement>("/api/jobs");

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(jobId, conflict.GetProperty("jobId").GetString());
        Assert.Equal("Completed", job.GetProperty("status").GetString());
        Assert.Equal("FullSync", job.GetProperty("kind").GetString());
        Assert.Equal("user", job.GetProperty("trigger").GetString());
        Assert.Equal(JsonValueKind.String, job.GetProperty("finishedAt").ValueKind);
        Assert.Equal(jobId, Assert.Single(list.EnumerateArray()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task An_unknown_job_is_404_problem_details()
    {
        await using var host = await ApiHost.StartAsync(configure: s => s.AddSingleton<IJobStarter>(new FakeStarter()));

        using var response = await host.Client.GetAsync("/api/jobs/nope");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private sealed class EmptyCatalog : IServiceCatalog
    {
        public IReadOnlyList<IMovieManager> MovieManagers => [];

        public IReadOnlyList<ISeriesManager> SeriesManagers => [];

        public IReadOnlyList<IMediaServer> MediaServers => [];

        public IReadOnlyList<IRequestSource> RequestSources => [];

        public IReadOnlyList<IWatchHistorySource> WatchHistorySources => [];
    }

    private sealed class GatedEvaluation(Task gate) : ILibraryEvaluation
    {
        public async Task<EvaluationSummary> UnifyAndEvaluateAsync(EvaluateInput input, CancellationToken cancellationToken)
        {
            await gate.WaitAsync(cancellationToken);
            return EvaluationSummary.Empty;
        }

        public Task<EvaluationSummary> ApplyWatchChangesAsync(ApplyWatchChangesInput input, CancellationToken cancellationToken) => Task.FromResult(EvaluationSummary.Empty);

        public Task<PersistSummary> PersistChangesAsync(PersistInput input, CancellationToken cancellationToken) => Task.FromResult(new PersistSummary(0));
    }

    private sealed class NoLeavingSoon : ILeavingSoonSource
    {
        public Task<IReadOnlyList<Cleanup.Engine.Deletion.LeavingSoonEntry>> ListAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<Cleanup.Engine.Deletion.LeavingSoonEntry>>([]);
    }
}
