using Cleanup.Engine.Sources;

namespace Cleanup.Integrations.Http;

/// <summary>
/// Runs a status read and turns it into a <see cref="ServiceStatus"/>: never throws for a service that is down. Every
/// client probes through here, so a latency is reported only for a service that answered.
/// </summary>
internal static class ServiceProbing
{
    public static async Task<ServiceStatus> MeasureAsync(ServiceEndpoint endpoint, Func<CancellationToken, Task<string?>> readVersion, CancellationToken cancellationToken)
    {
        var started = endpoint.TimeProvider.GetTimestamp();
        try
        {
            var version = await readVersion(cancellationToken).ConfigureAwait(false);
            var latency = (long)endpoint.TimeProvider.GetElapsedTime(started).TotalMilliseconds;
            return new ServiceStatus(endpoint.Name, endpoint.Kind, endpoint.DisplayUrl, Reachable: true, version, latency, Error: null);
        }
        catch (SourceReadException ex)
        {
            // Reason only: it is written to carry no secret, and says what went wrong in words.
            return new ServiceStatus(endpoint.Name, endpoint.Kind, endpoint.DisplayUrl, Reachable: false, Version: null, LatencyMs: null, ex.Reason);
        }
    }
}
