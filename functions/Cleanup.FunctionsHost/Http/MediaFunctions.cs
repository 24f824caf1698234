using Cleanup.Api.Media;
using Cleanup.Engine.Deletion;
using Cleanup.Engine.Ports;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace Cleanup.FunctionsHost.Http;

/// <summary>The <c>media</c> routes of <see cref="MediaApi"/>.</summary>
public sealed class MediaFunctions(IMediaStore store, IKeepStore keeps, IRuleStore rules, IOptions<DeletionOptions> deletion, TimeProvider time)
{
    [Function("GetLeavingSoon")]
    public Task<IActionResult> GetLeavingSoon([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "media/leaving-soon")] HttpRequest req) =>
        ApiAccess.RunAsync(req, () => MediaApi.GetLeavingSoon(store, rules, deletion, time, req.HttpContext.RequestAborted));

    [Function("GetMediaItem")]
    public Task<IActionResult> GetItem([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "media/{id}")] HttpRequest req, string id) =>
        ApiAccess.RunAsync(req, () => MediaApi.GetItem(id, store, time, req.HttpContext.RequestAborted));

    [Function("KeepMediaItem")]
    public Task<IActionResult> Keep([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "media/{id}/keep")] HttpRequest req, string id) =>
        ApiAccess.RunAsync<IResult>(req, async () =>
        {
            var (body, problem) = await JsonBody.ReadOptionalAsync<KeepRequest>(req);
            if (problem is not null)
            {
                return problem;
            }

            return await MediaApi.Keep(id, body, req.HttpContext, store, keeps, time, req.HttpContext.RequestAborted);
        });

    [Function("UnkeepMediaItem")]
    public Task<IActionResult> Unkeep([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "media/{id}/keep")] HttpRequest req, string id) =>
        ApiAccess.RunAsync(req, () => MediaApi.Unkeep(id, store, keeps, time, req.HttpContext.RequestAborted));
}
