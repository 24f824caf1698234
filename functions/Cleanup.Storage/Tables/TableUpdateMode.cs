namespace Cleanup.Storage.Tables;

/// <summary>How a write treats properties the new entity does not carry.</summary>
public enum TableUpdateMode
{
    /// <summary>Keep stored properties that the entity does not mention (HTTP MERGE).</summary>
    Merge,

    /// <summary>The stored entity becomes exactly this entity (HTTP PUT).</summary>
    Replace,
}
