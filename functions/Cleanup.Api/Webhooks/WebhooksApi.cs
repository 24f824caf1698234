using System.Text.Json;
using Cleanup.Api.Jobs;
using Cleanup.Engine.Jobs;
using Cleanup.Engine.Ports;
using Cleanup.Engine.Workflows;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Cleanup.Api.Webhooks;

/// <summary>
/// Inbound webhooks from Radarr, Sonarr and Jellyfin: each checks the shared secret, then starts an incremental
/// sync of the item through the job runner. When an incremental sync is already running the webhook answers 202
/// with that job (it reads changes since its cursor, and the next scheduled sync picks up the rest), so senders
/// do not see an error and retry.
/// </summary>
public static class WebhooksApi
{
    public static IEndpointRouteBuilder MapWebhooksApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/webhooks").WithTags("Webhooks");
        api.MapPost("/radarr", (HttpRequest request, IJobStarter starter, WebhookOptions options, CancellationToken ct) =>
            HandleAsync(request, starter, options, "radarr", WebhookPayloads.Radarr, ct));
        api.MapPost("/sonarr", (HttpRequest request, IJobStarter starter, WebhookOptions options, CancellationToken ct) =>
            HandleAsync(request, starter, options, "sonarr", WebhookPayloads.Sonarr, ct));
        api.MapPost("/jellyfin", (HttpRequest request, IJobStarter starter, WebhookOptions options, CancellationToken ct) =>
            HandleAsync(request, starter, options, "jellyfin", WebhookPayloads.Jellyfin, ct));
        return app;
    }

    public static async Task<Results<Accepted<JobAccepted>, Ok<WebhookIgnored>, ProblemHttpResult>> HandleAsync(
        HttpRequest request, IJobStarter starter, WebhookOptions options, string service, Func<JsonElement, ItemHint?> read, CancellationToken cancellationToken)
    {
        if (!options.Enabled)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Webhooks are off.", detail: $"Set {WebhookOptions.Section}:Secret to accept webhooks.");
        }

        if (!WebhookSecret.Matches(request, options.Secret!))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Wrong or missing webhook secret.",
                detail: $"Send the configured secret in the {WebhookSecret.Header} header or the '{WebhookSecret.QueryParameter}' query parameter.");
        }

        JsonElement body;
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            body = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The body is not JSON.", detail: $"Invalid JSON at {ex.Path ?? "$"} (line {ex.LineNumber}).");
        }

        if (read(body) is not { } hint)
        {
            return TypedResults.Ok(new WebhookIgnored(WebhookPayloads.EventTypeOf(body), "nothing to sync for this event"));
        }

        var result = await starter.StartAsync(new JobRequest(JobKind.IncrementalSync, JobTrigger.Webhook, $"webhook:{service}", new IncrementalSyncInput([hint])), cancellationToken);
        var statusUrl = JobsApi.StatusUrl(result.Job.Id);
        return TypedResults.Accepted(statusUrl, new JobAccepted(result.Job.Id, statusUrl));
    }
}

public sealed record WebhookIgnored(string? EventType, string Reason);
