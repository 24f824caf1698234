using System.Text.Json.Serialization;
using Cleanup.Engine.Library;

namespace Cleanup.Engine.Rules;

/// <summary>
/// One rule of a <see cref="RuleSet"/>. Rules are tried by kind, in this priority, and within a kind in list order;
/// the first that matches decides the item's due date:
/// <list type="number">
/// <item><see cref="TagRule"/>: the item carries one of the rule's Radarr/Sonarr tags.</item>
/// <item><see cref="RequesterRule"/>: one of the rule's users requested the item.</item>
/// <item><see cref="ConditionRule"/>: the rule's conditions hold (Maintainerr-style).</item>
/// <item><see cref="WatchedRule"/>: someone (or one of the rule's users) watched the item.</item>
/// <item>The rule set's default for the media type (<see cref="RuleSet.Movies"/>, <see cref="RuleSet.Series"/>).</item>
/// </list>
/// Tags come first because they are the owner's label on one item; requesters next because they are an agreement with a
/// person; condition rules are the owner's own predicates, more specific than the blanket watched rule and defaults.
/// Episodes are decided separately by condition rules for episodes, then <see cref="EpisodeRule"/>s.
/// Protections (see <c>Protections/</c>) are applied after the rule and always win.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TagRule), "tag")]
[JsonDerivedType(typeof(RequesterRule), "requester")]
[JsonDerivedType(typeof(WatchedRule), "watched")]
[JsonDerivedType(typeof(ConditionRule), "condition")]
[JsonDerivedType(typeof(EpisodeRule), "episode")]
public abstract record RetentionRule
{
    /// <summary>Shown in explanations ("kept by rule Kids for 180 days").</summary>
    public string Name { get; init; } = string.Empty;

    public bool Enabled { get; init; } = true;

    [JsonIgnore]
    public RuleKind Kind => this switch
    {
        TagRule => RuleKind.Tag,
        RequesterRule => RuleKind.Requester,
        WatchedRule => RuleKind.Watched,
        ConditionRule => RuleKind.Condition,
        _ => RuleKind.Episode,
    };
}

/// <summary>The kinds of rule, in priority order.</summary>
public enum RuleKind
{
    Tag,
    Requester,
    Condition,
    Watched,
    Default,
    Episode,
}

/// <summary>A rule that sets a retention period (OxiCleanarr semantics).</summary>
public abstract record PolicyRule : RetentionRule
{
    /// <summary>How long to keep, counted from <see cref="RetentionBase"/>. <c>never</c> and <c>0d</c> keep forever.</summary>
    public RetentionPeriod Retention { get; init; } = RetentionPeriod.Never;

    /// <summary>
    /// Unwatched items are never due. For a <see cref="RequesterRule"/>, "watched" means watched by the requester.
    /// </summary>
    public bool RequireWatched { get; init; }

    public RetentionBase RetentionBase { get; init; } = RetentionBase.LastWatchedOrAdded;

    public UnwatchedBehavior UnwatchedBehavior { get; init; } = UnwatchedBehavior.KeepForever;

    public RuleAction Action { get; init; } = RuleAction.Delete;

    /// <summary><see cref="Library.MediaType.Movie"/> or <see cref="Library.MediaType.Series"/>; null for both.</summary>
    public MediaType? MediaType { get; init; }
}

/// <summary>Items carrying any of <see cref="Tags"/> (Radarr/Sonarr tag labels, case-insensitive).</summary>
public sealed record TagRule : PolicyRule
{
    public IReadOnlyList<string> Tags { get; init; } = [];
}

/// <summary>
/// Items requested (Jellyseerr/Overseerr) by any of <see cref="Users"/>: requester names or e-mail addresses,
/// case-insensitive. Watch state here is the requesters' own: with <see cref="PolicyRule.RequireWatched"/> the item is
/// due only once every requester this rule names who requested it has watched it, and "last watched" is their latest
/// play. Requesters are found among media server users by name.
/// </summary>
public sealed record RequesterRule : PolicyRule
{
    public IReadOnlyList<string> Users { get; init; } = [];
}

/// <summary>
/// Items someone watched (or, when <see cref="Users"/> is set, one of those users). Unwatched items fall through to the
/// default. Counts from the last watch unless told otherwise.
/// </summary>
public sealed record WatchedRule : PolicyRule
{
    public WatchedRule() => RetentionBase = RetentionBase.LastWatched;

    /// <summary>Whose watching counts; empty for anyone.</summary>
    public IReadOnlyList<string> Users { get; init; } = [];
}

/// <summary>
/// Episode housekeeping for series (optionally only those with one of <see cref="Tags"/>). An episode with a file is
/// due when it is outside the kept set (the latest <see cref="KeepLatestEpisodes"/> episodes and the latest
/// <see cref="KeepLatestSeasons"/> seasons, when set) and older than <see cref="MaxAge"/> (when set), counted from
/// <see cref="RetentionBase"/>. Without a max age an episode outside the kept set is due from its added date (the
/// grace period still applies). Season 0 (specials) counts as the oldest season.
/// </summary>
public sealed record EpisodeRule : RetentionRule
{
    public EpisodeRule() => RetentionBase = RetentionBase.Added;

    /// <summary>Series tags this rule applies to; empty for every series.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    public int? KeepLatestEpisodes { get; init; }

    public int? KeepLatestSeasons { get; init; }

    /// <summary>Episodes older than this are due; <c>never</c>/<c>0d</c> for no age limit.</summary>
    public RetentionPeriod MaxAge { get; init; } = RetentionPeriod.Never;

    public RetentionBase RetentionBase { get; init; }

    public bool RequireWatched { get; init; }

    /// <summary>Leave series that are still airing alone.</summary>
    public bool SkipContinuingSeries { get; init; }

    public RuleAction Action { get; init; } = RuleAction.Delete;
}
