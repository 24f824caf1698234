using Cleanup.Engine.Library;
using Cleanup.Engine.Protections;
using Cleanup.Engine.Rules;
using Cleanup.Engine.Rules.Conditions;
using Cleanup.Engine.Timeline;

namespace Cleanup.Storage.Tests.Stores;

/// <summary>One rule of every type with every field away from its default, so a lost field shows in a round trip.</summary>
internal static class RuleSamples
{
    public static readonly RetentionRule[] EveryType =
    [
        new TagRule
        {
            Name = "Kids", Enabled = false, Tags = ["kids", "family"], Retention = RetentionPeriod.Days(180), RequireWatched = true,
            RetentionBase = RetentionBase.Added, UnwatchedBehavior = UnwatchedBehavior.CountFromAdded, Action = RuleAction.UnmonitorOnly,
            MediaType = MediaType.Movie,
        },
        new RequesterRule
        {
            Name = "Alice's requests", Users = ["alice", "bob@example.org"], Retention = RetentionPeriod.Parse("2w"),
            RetentionBase = RetentionBase.LastWatched, Action = RuleAction.UnmonitorAndDeleteFiles, MediaType = MediaType.Series,
        },
        new WatchedRule { Name = "Watched by Carol", Users = ["carol"], Retention = RetentionPeriod.Hours(36), Action = RuleAction.DoNothing },
        new ConditionRule
        {
            Name = "Old and big", MediaType = MediaType.Series, Action = RuleAction.UnmonitorAndDeleteFiles, Match = MatchMode.Any,
            Groups =
            [
                new ConditionGroup
                {
                    Match = MatchMode.All,
                    Conditions =
                    [
                        new Condition { Property = ConditionProperty.SizeGb, Operator = ConditionOperator.GreaterThan, Value = "50" },
                        new Condition { Property = ConditionProperty.Tags, Operator = ConditionOperator.ContainsAny, Values = ["4k", "remux"] },
                    ],
                },
                new ConditionGroup
                {
                    Conditions = [new Condition { Property = ConditionProperty.Favorite, Operator = ConditionOperator.EqualTo, Value = "false", User = "dave" }],
                },
            ],
        },
        new EpisodeRule
        {
            Name = "Daily shows", Tags = ["daily"], KeepLatestEpisodes = 5, KeepLatestSeasons = 1, MaxAge = RetentionPeriod.Days(10),
            RetentionBase = RetentionBase.LastWatchedOrAdded, RequireWatched = true, SkipContinuingSeries = true, Action = RuleAction.UnmonitorAndDeleteFiles,
        },
    ];

    public static RuleSet Full { get; } = new()
    {
        Movies = new RetentionPolicy { Retention = RetentionPeriod.Days(45), RequireWatched = true, RetentionBase = RetentionBase.Added },
        Series = new RetentionPolicy { Retention = RetentionPeriod.Never, UnwatchedBehavior = UnwatchedBehavior.CountFromAdded, RetentionBase = RetentionBase.LastWatched },
        Rules = EveryType,
        Protections = new ProtectionOptions { FavoritesOf = ["alice"], InProgress = false, CurrentlyPlaying = false, RequestedWithin = RetentionPeriod.Days(3) },
        Timeline = new TimelineOptions { LeavingSoonWindow = RetentionPeriod.Days(7), GracePeriod = RetentionPeriod.Hours(48) },
        DiskSpace = new DiskSpaceOptions { Enabled = true, MinimumFreeGb = 250.5 },
    };
}
