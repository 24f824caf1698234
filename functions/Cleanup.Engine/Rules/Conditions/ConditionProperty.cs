namespace Cleanup.Engine.Rules.Conditions;

/// <summary>
/// What a condition looks at. The type decides which operators apply:
/// dates (<see cref="Added"/>, <see cref="LastWatched"/>, <see cref="AirDate"/>, <see cref="LastRequested"/>),
/// numbers (<see cref="Year"/>, <see cref="SizeGb"/>, <see cref="PlayCount"/>, <see cref="SeasonNumber"/>,
/// <see cref="EpisodeNumber"/>), text (<see cref="Title"/>, <see cref="SeriesStatus"/>),
/// yes/no (<see cref="Watched"/>, <see cref="Favorite"/>, <see cref="InProgress"/>, <see cref="Playing"/>,
/// <see cref="Monitored"/>) and lists (<see cref="Tags"/>, <see cref="Requesters"/>, <see cref="WatchedBy"/>,
/// <see cref="FavoriteOf"/>, <see cref="InProgressBy"/>, <see cref="PlayingBy"/>, <see cref="Sources"/>).
/// With <see cref="Condition.User"/> set, <see cref="LastWatched"/>, <see cref="PlayCount"/>, <see cref="Watched"/>,
/// <see cref="Favorite"/>, <see cref="InProgress"/> and <see cref="Playing"/> are that user's.
/// </summary>
public enum ConditionProperty
{
    Added,
    LastWatched,
    AirDate,
    LastRequested,
    Year,
    SizeGb,
    PlayCount,
    SeasonNumber,
    EpisodeNumber,
    Title,
    SeriesStatus,
    Watched,
    Favorite,
    InProgress,
    Playing,
    Monitored,
    Tags,
    Requesters,
    WatchedBy,
    FavoriteOf,
    InProgressBy,
    PlayingBy,
    Sources,
}

/// <summary>The value types of <see cref="ConditionProperty"/>.</summary>
public enum ConditionValueType
{
    Date,
    Number,
    Text,
    Boolean,
    List,
}

/// <summary>
/// How a condition compares. Dates: <see cref="Before"/>, <see cref="After"/> (an ISO date, or a duration meaning
/// "that long ago"), <see cref="InLast"/>, <see cref="InNext"/> (a duration); a missing date never matches.
/// Numbers: <see cref="LessThan"/>, <see cref="GreaterThan"/>, <see cref="EqualTo"/>, <see cref="NotEqualTo"/>.
/// Text and yes/no: <see cref="EqualTo"/>, <see cref="NotEqualTo"/>, <see cref="Contains"/>, <see cref="NotContains"/>
/// (text only, case-insensitive). Lists: <see cref="Contains"/>, <see cref="NotContains"/>, <see cref="ContainsAll"/>,
/// <see cref="ContainsAny"/>, <see cref="CountEquals"/>, <see cref="CountGreaterThan"/>, <see cref="CountLessThan"/>.
/// </summary>
public enum ConditionOperator
{
    Before,
    After,
    InLast,
    InNext,
    LessThan,
    GreaterThan,
    EqualTo,
    NotEqualTo,
    Contains,
    NotContains,
    ContainsAll,
    ContainsAny,
    CountEquals,
    CountGreaterThan,
    CountLessThan,
}
