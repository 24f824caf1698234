using System.Reflection;
using Cleanup.Engine.Deletion;
using Cleanup.Engine.Ports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Cleanup.Api.Health;

public static class HealthApi
{
    private static readonly string Version =
        typeof(HealthApi).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/health", GetHealth).WithName("GetHealth");
        return app;
    }

    public static async Task<Ok<HealthReport>> GetHealth(
        IStorageHealth storage, HostInfo host, IOptions<DeletionOptions> deletion, TimeProvider time, CancellationToken cancellationToken)
    {
        var error = await storage.CheckAsync(cancellationToken);
        return TypedResults.Ok(new HealthReport(
            error is null ? "ok" : "degraded",
            Version,
            Math.Round((time.GetUtcNow() - host.StartedAt).TotalSeconds, 1),
            host.Mode,
            deletion.Value.Mode == DeletionMode.DryRun,
            new StorageHealth(error is null, error)));
    }
}

public sealed record HealthReport(string Status, string Version, double UptimeSeconds, string Mode, bool DryRun, StorageHealth Storage);

public sealed record StorageHealth(bool Reachable, string? Error);

/// <summary>Facts about the running host: when it started and whether it serves demo data.</summary>
public sealed record HostInfo(DateTimeOffset StartedAt, string Mode);
