namespace Cleanup.Storage;

/// <summary>
/// A storage request failed. Carries the HTTP status, the service's <c>x-ms-error-code</c> and its message; never
/// the account key, the Authorization header or the query string.
/// </summary>
public class StorageRequestException : Exception
{
    internal StorageRequestException(string operation, int status, string? errorCode, string? serviceMessage, Exception? inner = null)
        : base(Describe(operation, status, errorCode, serviceMessage), inner)
    {
        Operation = operation;
        Status = status;
        ErrorCode = errorCode;
        ServiceMessage = serviceMessage;
    }

    /// <summary>What was attempted, e.g. "Insert entity into table 'Jobs'".</summary>
    public string Operation { get; }

    public int Status { get; }

    /// <summary>The service's error code (<c>x-ms-error-code</c>), e.g. <c>EntityAlreadyExists</c>.</summary>
    public string? ErrorCode { get; }

    /// <summary>The first line of the service's error message.</summary>
    public string? ServiceMessage { get; }

    private static string Describe(string operation, int status, string? code, string? message)
    {
        var text = $"{operation} failed with HTTP {status}";
        if (!string.IsNullOrEmpty(code)) text += $" ({code})";
        if (!string.IsNullOrEmpty(message)) text += $": {message}";
        return text;
    }
}
