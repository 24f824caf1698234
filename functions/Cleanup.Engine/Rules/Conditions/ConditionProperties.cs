namespace Cleanup.Engine.Rules.Conditions;

/// <summary>The value type of each property and the operators each type takes.</summary>
public static class ConditionProperties
{
    public static ConditionValueType TypeOf(ConditionProperty property) => property switch
    {
        ConditionProperty.Added or ConditionProperty.LastWatched or ConditionProperty.AirDate or ConditionProperty.LastRequested
            => ConditionValueType.Date,
        ConditionProperty.Year or ConditionProperty.SizeGb or ConditionProperty.PlayCount or ConditionProperty.SeasonNumber
            or ConditionProperty.EpisodeNumber => ConditionValueType.Number,
        ConditionProperty.Title or ConditionProperty.SeriesStatus => ConditionValueType.Text,
        ConditionProperty.Watched or ConditionProperty.Favorite or ConditionProperty.InProgress or ConditionProperty.Playing
            or ConditionProperty.Monitored => ConditionValueType.Boolean,
        _ => ConditionValueType.List,
    };

    public static IReadOnlyList<ConditionOperator> OperatorsFor(ConditionValueType type) => type switch
    {
        ConditionValueType.Date => [ConditionOperator.Before, ConditionOperator.After, ConditionOperator.InLast, ConditionOperator.InNext],
        ConditionValueType.Number => [ConditionOperator.LessThan, ConditionOperator.GreaterThan, ConditionOperator.EqualTo, ConditionOperator.NotEqualTo],
        ConditionValueType.Text => [ConditionOperator.EqualTo, ConditionOperator.NotEqualTo, ConditionOperator.Contains, ConditionOperator.NotContains],
        ConditionValueType.Boolean => [ConditionOperator.EqualTo, ConditionOperator.NotEqualTo],
        _ =>
        [
            ConditionOperator.Contains, ConditionOperator.NotContains, ConditionOperator.ContainsAll, ConditionOperator.ContainsAny,
            ConditionOperator.CountEquals, ConditionOperator.CountGreaterThan, ConditionOperator.CountLessThan,
        ],
    };

    /// <summary>Properties that read watch state (and so can be asked per user, and say nothing while it is unknown).</summary>
    public static bool IsWatchProperty(ConditionProperty property) => property is ConditionProperty.LastWatched
        or ConditionProperty.PlayCount or ConditionProperty.Watched or ConditionProperty.Favorite or ConditionProperty.InProgress
        or ConditionProperty.Playing or ConditionProperty.WatchedBy or ConditionProperty.FavoriteOf
        or ConditionProperty.InProgressBy or ConditionProperty.PlayingBy;

    /// <summary>Properties that <see cref="Condition.User"/> narrows to one user.</summary>
    public static bool IsPerUser(ConditionProperty property) => property is ConditionProperty.LastWatched
        or ConditionProperty.PlayCount or ConditionProperty.Watched or ConditionProperty.Favorite or ConditionProperty.InProgress
        or ConditionProperty.Playing;
}
