using Cleanup.Engine.Protections;
using Cleanup.Engine.Timeline;

namespace Cleanup.Engine.Rules;

/// <summary>
/// Everything the owner sets about what to keep and for how long. Stored as JSON (see <see cref="RuleSetJson"/>) and
/// checked with <see cref="RuleSetValidator"/>. The priority of rules is documented on <see cref="RetentionRule"/>.
/// </summary>
public sealed record RuleSet
{
    public int Version { get; init; } = 1;

    /// <summary>Movies no rule matches.</summary>
    public RetentionPolicy Movies { get; init; } = new();

    /// <summary>Series no rule matches (the whole series is the unit).</summary>
    public RetentionPolicy Series { get; init; } = new();

    public IReadOnlyList<RetentionRule> Rules { get; init; } = [];

    public ProtectionOptions Protections { get; init; } = new();

    public TimelineOptions Timeline { get; init; } = new();

    public DiskSpaceOptions DiskSpace { get; init; } = new();

    /// <summary>
    /// The rule set a new installation starts with: movies 30 days after they were added or last watched, series 90
    /// days; anything tagged <c>keep</c> kept forever; favorites, in-progress, playing and recently requested items
    /// protected; 14 days of leaving soon before anything goes. Dry run (a host setting) stays the default anyway.
    /// </summary>
    public static RuleSet Default { get; } = new()
    {
        Movies = new RetentionPolicy { Retention = RetentionPeriod.Days(30), RetentionBase = RetentionBase.LastWatchedOrAdded },
        Series = new RetentionPolicy { Retention = RetentionPeriod.Days(90), RetentionBase = RetentionBase.LastWatchedOrAdded },
        Rules =
        [
            new TagRule { Name = "Keep tag", Tags = ["keep"], Retention = RetentionPeriod.Never },
        ],
    };
}
