using Cleanup.Api.Services;
using Cleanup.Integrations.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Cleanup.FunctionsHost.Http;

/// <summary>The <c>services</c> routes of <see cref="ServicesApi"/>.</summary>
public sealed class ServicesFunctions(IEnumerable<IServiceProbe> probes)
{
    [Function("ListServices")]
    public Task<IActionResult> ListServices([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "services")] HttpRequest req) =>
        ApiAccess.RunAsync(req, () => ServicesApi.ListServices(probes, req.HttpContext.RequestAborted));

    [Function("TestService")]
    public Task<IActionResult> TestService([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "services/{name}/test")] HttpRequest req, string name) =>
        ApiAccess.RunAsync(req, () => ServicesApi.TestService(name, probes, req.HttpContext.RequestAborted));
}
