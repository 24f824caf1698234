using Cleanup.Engine.Sources;

namespace Cleanup.Integrations.Http;

/// <summary>A change (delete, unmonitor, refresh...) that a service refused or that failed after retries. Never carries secrets.</summary>
public sealed class ServiceActionException(string service, ServiceKind kind, string action, string reason, int? statusCode = null, Exception? inner = null)
    : Exception($"{kind} '{service}': {action} failed: {reason}", inner)
{
    public string Service { get; } = service;

    public ServiceKind Kind { get; } = kind;

    public string Action { get; } = action;

    public string Reason { get; } = reason;

    /// <summary>The HTTP status when the service answered, e.g. 404 when the item is already gone.</summary>
    public int? StatusCode { get; } = statusCode;
}
