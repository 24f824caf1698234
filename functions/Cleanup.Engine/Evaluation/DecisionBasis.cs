namespace Cleanup.Engine.Evaluation;

/// <summary>The date a due date was counted from.</summary>
public enum DecisionBasis
{
    None,
    Added,
    LastWatched,
    ConditionsMatched,
}

/// <summary>Why an item has, or has no, due date.</summary>
public enum DecisionReason
{
    /// <summary>Its rule gives a due date.</summary>
    Scheduled,

    /// <summary>Its rule's retention is <c>never</c> (or <c>0d</c>).</summary>
    RetentionNever,

    /// <summary>Its rule requires it to be watched (by the requester, for requester rules) and it has not been.</summary>
    AwaitingWatch,

    /// <summary>Counting from the last watch, and nobody watched it: kept until someone does.</summary>
    UnwatchedKeptForever,

    /// <summary>The date to count from is not known, so no due date can be given.</summary>
    MissingDate,

    /// <summary>Its rule matches with the action "do nothing".</summary>
    DoNothing,

    /// <summary>An episode among the latest ones its episode rule keeps.</summary>
    InsideKeptSet,

    /// <summary>No provider id joined the item, so no rule is applied to it.</summary>
    Unmatched,
}
