using Cleanup.Api.Jobs;
using Cleanup.FunctionsHost.Jobs;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Cleanup.FunctionsHost.Http;

/// <summary>
/// The routes of <see cref="JobsApi"/> over Durable: a start schedules the workflow's orchestration and answers 202
/// with our own <c>/api/jobs/{id}</c> (not Durable's management URLs, which would expose terminate/purge); a start
/// while it runs is 409 naming the running job. Job ids are the orchestrations' fixed instance ids.
/// </summary>
public sealed class JobsFunctions(TimeProvider time)
{
    [Function("StartFullSync")]
    public Task<IActionResult> StartFullSync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "sync/full")] HttpRequest req, [DurableClient] DurableTaskClient client) =>
        ApiAccess.RunAsync(req, () => JobsApi.StartFullSync(new DurableJobs(client, time), req.HttpContext, req.HttpContext.RequestAborted));

    [Function("StartIncrementalSync")]
    public Task<IActionResult> StartIncrementalSync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "sync/incremental")] HttpRequest req, [DurableClient] DurableTaskClient client) =>
        ApiAccess.RunAsync(req, () => JobsApi.StartIncrementalSync(new DurableJobs(client, time), req.HttpContext, req.HttpContext.RequestAborted));

    [Function("StartCleanup")]
    public Task<IActionResult> StartCleanup(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cleanup")] HttpRequest req, [DurableClient] DurableTaskClient client) =>
        ApiAccess.RunAsync(req, () => JobsApi.StartCleanup(new DurableJobs(client, time), req.HttpContext, req.HttpContext.RequestAborted));

    [Function("ListJobs")]
    public Task<IActionResult> ListJobs(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "jobs")] HttpRequest req, [DurableClient] DurableTaskClient client) =>
        ApiAccess.RunAsync(req, () => JobsApi.ListJobs(new DurableJobs(client, time), req.HttpContext.RequestAborted));

    [Function("GetJob")]
    public Task<IActionResult> GetJob(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "jobs/{id}")] HttpRequest req, string id, [DurableClient] DurableTaskClient client) =>
        ApiAccess.RunAsync(req, () => JobsApi.GetJob(id, new DurableJobs(client, time), req.HttpContext.RequestAborted));
}
