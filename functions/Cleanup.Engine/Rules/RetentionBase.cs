namespace Cleanup.Engine.Rules;

/// <summary>The date a retention period counts from.</summary>
public enum RetentionBase
{
    /// <summary>
    /// The later of the last watch and the added date when the item was watched; the added date when it was not.
    /// (The later, so that a file re-imported after it was watched gets its full time again.)
    /// </summary>
    LastWatchedOrAdded,

    /// <summary>The last watch. Unwatched items follow <see cref="UnwatchedBehavior"/>.</summary>
    LastWatched,

    /// <summary>The added date (file import), whatever the watch state.</summary>
    Added,
}

/// <summary>What <see cref="RetentionBase.LastWatched"/> does with an item nobody has watched.</summary>
public enum UnwatchedBehavior
{
    /// <summary>Never due until someone watches it.</summary>
    KeepForever,

    /// <summary>Count the retention from the added date instead.</summary>
    CountFromAdded,
}

/// <summary>How the conditions of a group, or the groups of a condition rule, combine.</summary>
public enum MatchMode
{
    /// <summary>AND: every one must hold.</summary>
    All,

    /// <summary>OR: at least one must hold.</summary>
    Any,
}
