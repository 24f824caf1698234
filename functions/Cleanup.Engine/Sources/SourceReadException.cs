namespace Cleanup.Engine.Sources;

/// <summary>
/// A read from a home service that still failed after retries. The engine treats the source's data as unknown
/// (never as empty, never as "not watched") and stops deletions for the run. The message never carries secrets.
/// </summary>
public sealed class SourceReadException(string source, ServiceKind kind, string reason, Exception? inner = null, int? statusCode = null)
    : Exception($"{kind} '{source}': {reason}", inner)
{
    /// <summary>The configured instance name, e.g. "radarr-4k".</summary>
    public new string Source { get; } = source;

    public ServiceKind Kind { get; } = kind;

    /// <summary>Why, in words: "timed out after 3 attempts", "HTTP 503", "malformed JSON at $.items[3]".</summary>
    public string Reason { get; } = reason;

    /// <summary>The HTTP status when the service answered with an error (e.g. 401 for a refused key); null otherwise.</summary>
    public int? StatusCode { get; } = statusCode;
}
