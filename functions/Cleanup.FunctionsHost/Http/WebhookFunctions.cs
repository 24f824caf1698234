using Cleanup.Api.Webhooks;
using Cleanup.FunctionsHost.Jobs;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Cleanup.FunctionsHost.Http;

/// <summary>
/// The webhooks of <see cref="WebhooksApi"/>. Radarr, Sonarr and Jellyfin cannot sign in, so these are the only
/// functions without the role check: the shared secret (<c>Webhooks:Secret</c>) is their authentication, checked by
/// the handler. Through SWA they also need a route that lets anonymous callers reach <c>/api/webhooks/*</c>.
/// </summary>
public sealed class WebhookFunctions(WebhookOptions options, TimeProvider time)
{
    [Function("RadarrWebhook")]
    public async Task<IActionResult> Radarr(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "webhooks/radarr")] HttpRequest req, [DurableClient] DurableTaskClient client) =>
        new ResultAction(await WebhooksApi.HandleAsync(req, new DurableJobs(client, time), options, "radarr", WebhookPayloads.Radarr, req.HttpContext.RequestAborted));

    [Function("SonarrWebhook")]
    public async Task<IActionResult> Sonarr(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "webhooks/sonarr")] HttpRequest req, [DurableClient] DurableTaskClient client) =>
        new ResultAction(await WebhooksApi.HandleAsync(req, new DurableJobs(client, time), options, "sonarr", WebhookPayloads.Sonarr, req.HttpContext.RequestAborted));

    [Function("JellyfinWebhook")]
    public async Task<IActionResult> Jellyfin(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "webhooks/jellyfin")] HttpRequest req, [DurableClient] DurableTaskClient client) =>
        new ResultAction(await WebhooksApi.HandleAsync(req, new DurableJobs(client, time), options, "jellyfin", WebhookPayloads.Jellyfin, req.HttpContext.RequestAborted));
}
