namespace Cleanup.Storage.Tables;

public enum TableTransactionActionType
{
    /// <summary>Insert; the transaction fails if the entity exists.</summary>
    Add,

    /// <summary>Insert or merge.</summary>
    UpsertMerge,

    /// <summary>Insert or replace.</summary>
    UpsertReplace,

    /// <summary>Merge into an existing entity, guarded by <see cref="TableTransactionAction.IfMatch"/>.</summary>
    UpdateMerge,

    /// <summary>Replace an existing entity, guarded by <see cref="TableTransactionAction.IfMatch"/>.</summary>
    UpdateReplace,

    /// <summary>Delete an existing entity, guarded by <see cref="TableTransactionAction.IfMatch"/>; only the keys of the entity are used.</summary>
    Delete,
}

/// <summary>
/// One operation of an entity group transaction. <paramref name="IfMatch"/> applies to Update*/Delete: an ETag, or
/// null for "*" (any version, but the entity must exist).
/// </summary>
public sealed record TableTransactionAction(TableTransactionActionType ActionType, TableEntity Entity, string? IfMatch = null);
