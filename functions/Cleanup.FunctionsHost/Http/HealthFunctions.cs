using Cleanup.Api.Health;
using Cleanup.Engine.Deletion;
using Cleanup.Engine.Ports;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace Cleanup.FunctionsHost.Http;

/// <summary><c>GET /api/health</c> (host.json's routePrefix adds "api"). Viewer-level like the rest of the API.</summary>
public sealed class HealthFunctions(IStorageHealth storage, HostInfo host, IOptions<DeletionOptions> deletion, TimeProvider time)
{
    [Function("GetHealth")]
    public Task<IActionResult> GetHealth([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest req) =>
        ApiAccess.RunAsync(req, () => HealthApi.GetHealth(storage, host, deletion, time, req.HttpContext.RequestAborted));
}
