using Cleanup.Integrations.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Cleanup.Api.Services;

/// <summary>Configured home services and their reachability. Never returns a key or a header value.</summary>
public static class ServicesApi
{
    public static IEndpointRouteBuilder MapServicesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/services");
        api.MapGet("/", ListServices).WithName("ListServices");
        api.MapPost("/{name}/test", TestService).WithName("TestService");
        return app;
    }

    public static async Task<Ok<ServiceStatus[]>> ListServices(IEnumerable<IServiceProbe> probes, CancellationToken cancellationToken) =>
        TypedResults.Ok(await Task.WhenAll(probes.Select(p => p.ProbeAsync(cancellationToken))));

    public static async Task<Results<Ok<ServiceStatus>, ProblemHttpResult>> TestService(
        string name, IEnumerable<IServiceProbe> probes, CancellationToken cancellationToken)
    {
        var probe = probes.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
        return probe is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Service not found", detail: $"No service named '{name}' is configured.")
            : TypedResults.Ok(await probe.ProbeAsync(cancellationToken));
    }
}
