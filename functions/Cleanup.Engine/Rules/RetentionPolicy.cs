namespace Cleanup.Engine.Rules;

/// <summary>
/// The default retention of one media type: what applies when no tag, requester, condition or watched rule matches.
/// </summary>
public sealed record RetentionPolicy
{
    /// <summary>How long to keep, counted from <see cref="RetentionBase"/>. <c>never</c> and <c>0d</c> keep forever.</summary>
    public RetentionPeriod Retention { get; init; } = RetentionPeriod.Never;

    /// <summary>Unwatched items are never due (kept until someone watches them).</summary>
    public bool RequireWatched { get; init; }

    public RetentionBase RetentionBase { get; init; } = RetentionBase.LastWatchedOrAdded;

    public UnwatchedBehavior UnwatchedBehavior { get; init; } = UnwatchedBehavior.KeepForever;

    public RuleAction Action { get; init; } = RuleAction.Delete;
}
