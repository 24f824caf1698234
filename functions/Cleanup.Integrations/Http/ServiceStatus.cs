using Cleanup.Engine.Sources;

namespace Cleanup.Integrations.Http;

/// <summary>What a reachability check of one configured service found (for <c>GET /api/services</c>). Holds no secret.</summary>
public sealed record ServiceStatus(
    string Name,
    ServiceKind Kind,
    string Url,
    bool Reachable,
    string? Version,
    long? LatencyMs,
    string? Error);

/// <summary>A client that can check its service (system status / public info endpoint).</summary>
public interface IServiceProbe
{
    string Name { get; }

    ServiceKind Kind { get; }

    Task<ServiceStatus> ProbeAsync(CancellationToken cancellationToken);
}
