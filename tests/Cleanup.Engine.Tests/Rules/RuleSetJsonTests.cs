using Cleanup.Engine.Library;
using Cleanup.Engine.Rules;
using Cleanup.Engine.Rules.Conditions;

namespace Cleanup.Engine.Tests.Rules;

public sealed class RuleSetJsonTests
{
    private static RuleSet Everything => RuleSet.Default with
    {
        Rules =
        [
            new TagRule { Name = "Kids", Tags = ["kids"], Retention = RetentionPeriod.Days(180), MediaType = MediaType.Movie },
            new RequesterRule { Name = "Guests", Users = ["guest@example.com"], Retention = RetentionPeriod.Days(7), RequireWatched = true },
            new WatchedRule { Name = "Watched", Users = ["alice"], Retention = RetentionPeriod.Hours(12), Action = RuleAction.UnmonitorAndDeleteFiles },
            new ConditionRule
            {
                Name = "Old and unloved",
                MediaType = MediaType.Series,
                Action = RuleAction.UnmonitorOnly,
                Match = MatchMode.Any,
                Groups =
                [
                    new ConditionGroup
                    {
                        Match = MatchMode.All,
                        Conditions =
                        [
                            new Condition { Property = ConditionProperty.LastWatched, Operator = ConditionOperator.Before, Value = "365d" },
                            new Condition { Property = ConditionProperty.Favorite, Operator = ConditionOperator.EqualTo, Value = "false", User = "bob" },
                            new Condition { Property = ConditionProperty.Tags, Operator = ConditionOperator.ContainsAll, Values = ["a", "b"] },
                        ],
                    },
                ],
            },
            new EpisodeRule { Name = "Dailies", Tags = ["daily"], KeepLatestEpisodes = 5, MaxAge = RetentionPeriod.Days(14), SkipContinuingSeries = false },
        ],
    };

    [Fact]
    public void Round_trips_every_rule_kind()
    {
        var json = RuleSetJson.Serialize(Everything);
        var back = RuleSetJson.Deserialize(json);

        Assert.Equal(json, RuleSetJson.Serialize(back));
        Assert.Equal(Everything.Rules.Select(r => r.GetType()), back.Rules.Select(r => r.GetType()));
        Assert.Equal(RetentionPeriod.Days(180), ((TagRule)back.Rules[0]).Retention);
        Assert.Empty(RuleSetValidator.Validate(back));
    }

    [Fact]
    public void Writes_camel_case_names_enums_and_durations_as_text()
    {
        var json = RuleSetJson.Serialize(Everything);

        Assert.Contains("\"type\":\"tag\"", json);
        Assert.Contains("\"retention\":\"180d\"", json);
        Assert.Contains("\"retentionBase\":\"lastWatchedOrAdded\"", json);
        Assert.Contains("\"action\":\"unmonitorAndDeleteFiles\"", json);
        Assert.Contains("\"operator\":\"containsAll\"", json);
        Assert.Contains("\"leavingSoonWindow\":\"14d\"", json);
        Assert.DoesNotContain("\"kind\"", json);
    }

    [Fact]
    public void Reads_snake_case_and_oxicleanarr_spellings()
    {
        const string json = """
            {
              "movie_retention": "90d",
              "tv_retention": "120d",
              "leaving_soon_days": 7,
              "advanced_rules": [
                { "name": "Guests", "type": "user", "users": ["guest"], "retention": "7d", "require_watched": true,
                  "retention_base": "last_watched", "unwatched_behavior": "count_from_added" },
                { "type": "Tag", "name": "Keep", "tags": ["keep"], "retention": "never" },
                { "type": "condition", "name": "c", "media_type": "tv", "groups": [
                  { "conditions": [ { "property": "watched_by", "operator": "equals", "value": "x" } ] } ] }
              ],
              "protections": { "favorites_of": ["bob"], "requested_within": "30d" }
            }
            """;

        Assert.True(RuleSetJson.TryDeserialize(json, out var rules, out var errors), string.Join("; ", errors.Select(e => $"{e.Key}: {e.Value[0]}")));

        Assert.Equal(RetentionPeriod.Days(90), rules!.Movies.Retention);
        Assert.Equal(RetentionPeriod.Days(120), rules.Series.Retention);
        Assert.Equal(RetentionPeriod.Days(7), rules.Timeline.LeavingSoonWindow);
        var guests = Assert.IsType<RequesterRule>(rules.Rules[0]);
        Assert.True(guests.RequireWatched);
        Assert.Equal(RetentionBase.LastWatched, guests.RetentionBase);
        Assert.Equal(UnwatchedBehavior.CountFromAdded, guests.UnwatchedBehavior);
        Assert.IsType<TagRule>(rules.Rules[1]);
        var condition = Assert.IsType<ConditionRule>(rules.Rules[2]);
        Assert.Equal(MediaType.Series, condition.MediaType);
        Assert.Equal(ConditionOperator.EqualTo, condition.Groups[0].Conditions[0].Operator);
        Assert.Equal(ConditionProperty.WatchedBy, condition.Groups[0].Conditions[0].Property);
        Assert.Equal(["bob"], rules.Protections.FavoritesOf);
        Assert.Equal(RetentionPeriod.Days(30), rules.Protections.RequestedWithin);
    }

    [Fact]
    public void Missing_fields_take_safe_defaults()
    {
        var rules = RuleSetJson.Deserialize("""{ "rules": [ { "type": "tag", "tags": ["x"] } ] }""");

        Assert.True(rules.Movies.Retention.IsNever);
        Assert.True(((TagRule)rules.Rules[0]).Retention.IsNever);
        Assert.True(rules.Rules[0].Enabled);
        Assert.Equal(RetentionPeriod.Days(14), rules.Timeline.GracePeriod);
        Assert.False(rules.DiskSpace.Enabled);
    }

    [Theory]
    [InlineData("""{ "rules": [ { "type": "tag", "tags": ["x"], "action": "explode" } ] }""", "rules[0].action", "'explode' is not one of")]
    [InlineData("""{ "rules": [ { "tags": ["x"] } ] }""", "rules[0].type", "must be one of: tag, requester")]
    [InlineData("""{ "rules": [ { "type": "magic" } ] }""", "rules[0].type", "must be one of")]
    [InlineData("""{ "rules": [ 3 ] }""", "rules[0]", "must be an object")]
    [InlineData("""{ "movies": { "requireWatched": "yes" } }""", "movies.requireWatched", "wrong kind")]
    [InlineData("""{ "movies": """, "", "not valid JSON")]
    [InlineData("""[1, 2]""", "", "must be a JSON object")]
    public void Unreadable_json_fails_with_the_field_path(string json, string field, string message)
    {
        Assert.False(RuleSetJson.TryDeserialize(json, out _, out var errors));

        Assert.True(errors.ContainsKey(field), $"errors were: {string.Join("; ", errors.Select(e => $"{e.Key}: {e.Value[0]}"))}");
        Assert.Contains(message, errors[field][0]);
    }

    [Fact]
    public void Bad_durations_are_read_and_left_for_the_validator_to_report_together()
    {
        var rules = RuleSetJson.Deserialize("""{ "movies": { "retention": "30 days" }, "rules": [ { "type": "tag", "tags": ["x"], "retention": "soon" } ] }""");

        var errors = RuleSetValidator.Validate(rules);

        Assert.Contains("movies.retention", errors.Keys);
        Assert.Contains("rules[0].retention", errors.Keys);
    }
}
