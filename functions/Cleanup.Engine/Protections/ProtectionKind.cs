namespace Cleanup.Engine.Protections;

/// <summary>Why an item is kept whatever its rule says. Every protection always wins over every rule.</summary>
public enum ProtectionKind
{
    /// <summary>Someone pressed Keep on the item, on its series or season, or on one of its episodes.</summary>
    ManualKeep,

    /// <summary>Postponed until a date that has not come (on the item, its series or season, or one of its episodes).</summary>
    Postponed,

    /// <summary>A favorite of a user whose favorites protect (on the item, its series or season, or one of its episodes).</summary>
    Favorite,

    /// <summary>Someone started it and has not finished.</summary>
    InProgress,

    /// <summary>Someone is playing it right now.</summary>
    CurrentlyPlaying,

    /// <summary>Requested recently.</summary>
    RecentlyRequested,

    /// <summary>A media server or statistics source that could know its watch state failed this run.</summary>
    UnknownWatchState,

    /// <summary>A request source failed this run, and requests matter to the rule set.</summary>
    UnknownRequests,

    /// <summary>No provider id joined it; Cleanup cannot be sure what it is.</summary>
    Unmatched,

    /// <summary>No Radarr or Sonarr knows it, so Cleanup has nothing to delete it through.</summary>
    NotManaged,
}
