using Cleanup.Engine.Jobs;
using Cleanup.Engine.Ports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Cleanup.Api.Jobs;

/// <summary>Starting workflows by hand and following jobs: <c>POST /api/sync/full|incremental</c>, <c>POST /api/cleanup</c>, <c>GET /api/jobs</c>.</summary>
public static class JobsApi
{
    public static IEndpointRouteBuilder MapJobsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Jobs");
        api.MapPost("/sync/full", StartFullSync);
        api.MapPost("/sync/incremental", StartIncrementalSync);
        api.MapPost("/cleanup", StartCleanup);
        api.MapGet("/jobs", ListJobs);
        api.MapGet("/jobs/{id}", GetJob);
        return app;
    }

    public static Task<Results<Accepted<JobAccepted>, ProblemHttpResult>> StartFullSync(IJobStarter starter, HttpContext http, CancellationToken cancellationToken) =>
        StartAsync(starter, new JobRequest(JobKind.FullSync, JobTrigger.User, RequestActor.Name(http)), cancellationToken);

    public static Task<Results<Accepted<JobAccepted>, ProblemHttpResult>> StartIncrementalSync(IJobStarter starter, HttpContext http, CancellationToken cancellationToken) =>
        StartAsync(starter, new JobRequest(JobKind.IncrementalSync, JobTrigger.User, RequestActor.Name(http)), cancellationToken);

    public static Task<Results<Accepted<JobAccepted>, ProblemHttpResult>> StartCleanup(IJobStarter starter, HttpContext http, CancellationToken cancellationToken) =>
        StartAsync(starter, new JobRequest(JobKind.Cleanup, JobTrigger.User, RequestActor.Name(http)), cancellationToken);

    public static async Task<Ok<IReadOnlyList<Job>>> ListJobs(IJobStore jobs, CancellationToken cancellationToken) =>
        TypedResults.Ok(await jobs.ListAsync(cancellationToken));

    public static async Task<Results<Ok<Job>, ProblemHttpResult>> GetJob(string id, IJobStore jobs, CancellationToken cancellationToken) =>
        await jobs.GetAsync(id, cancellationToken) is { } job
            ? TypedResults.Ok(job)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such job.", detail: $"There is no job '{id}' (only the last {IJobStore.Retained} are kept).");

    public static string StatusUrl(string jobId) => $"/api/jobs/{Uri.EscapeDataString(jobId)}";

    /// <summary>202 with where to follow the job, or 409 naming the job that is already running.</summary>
    public static async Task<Results<Accepted<JobAccepted>, ProblemHttpResult>> StartAsync(IJobStarter starter, JobRequest request, CancellationToken cancellationToken)
    {
        var result = await starter.StartAsync(request, cancellationToken);
        var statusUrl = StatusUrl(result.Job.Id);
        if (result.Started)
        {
            return TypedResults.Accepted(statusUrl, new JobAccepted(result.Job.Id, statusUrl));
        }

        return TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: $"A {request.Kind} job is already running.",
            detail: $"Job '{result.Job.Id}' is running; follow it at {statusUrl}.",
            extensions: new Dictionary<string, object?> { ["jobId"] = result.Job.Id, ["statusUrl"] = statusUrl });
    }
}

public sealed record JobAccepted(string JobId, string StatusUrl);
