namespace Cleanup.Storage.Tables;

/// <summary>A Table Storage request failed (status, <c>x-ms-error-code</c> and message; never credentials).</summary>
public class TableRequestException : StorageRequestException
{
    internal TableRequestException(string operation, int status, string? errorCode, string? serviceMessage, int? failedActionIndex = null)
        : base(WithIndex(operation, failedActionIndex), status, errorCode, serviceMessage)
    {
        FailedActionIndex = failedActionIndex;
    }

    /// <summary>For a failed transaction: the zero-based index of the action that failed, when the service said which.</summary>
    public int? FailedActionIndex { get; }

    private static string WithIndex(string operation, int? index) =>
        index is null ? operation : $"{operation} (action {index} of the transaction)";
}

/// <summary>
/// Optimistic concurrency lost: the ETag did not match (412 <c>UpdateConditionNotSatisfied</c>) or the entity
/// already exists (409 <c>EntityAlreadyExists</c>). Re-read and retry, or give up.
/// </summary>
public sealed class TableConflictException : TableRequestException
{
    internal TableConflictException(string operation, int status, string? errorCode, string? serviceMessage, int? failedActionIndex = null)
        : base(operation, status, errorCode, serviceMessage, failedActionIndex)
    {
    }

    internal static bool IsConflict(int status, string? errorCode) =>
        status == 412 || (status == 409 && errorCode is "EntityAlreadyExists");
}
