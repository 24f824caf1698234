using Cleanup.Api.Deletions;
using Cleanup.Engine.Ports;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Cleanup.FunctionsHost.Http;

/// <summary><c>GET /api/deletions?page=&amp;pageSize=</c> of <see cref="DeletionsApi"/>.</summary>
public sealed class DeletionsFunctions(IAuditLog audit)
{
    [Function("ListDeletions")]
    public Task<IActionResult> ListDeletions([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "deletions")] HttpRequest req) =>
        ApiAccess.RunAsync(req, () => DeletionsApi.ListDeletions(audit, req.Query["page"], req.Query["pageSize"], req.HttpContext.RequestAborted));
}
