namespace Cleanup.Engine.Ports;

/// <summary>Whether the state store answers (for <c>GET /api/health</c>).</summary>
public interface IStorageHealth
{
    /// <summary>Null when reachable, otherwise why not (no secrets).</summary>
    Task<string?> CheckAsync(CancellationToken cancellationToken);
}
