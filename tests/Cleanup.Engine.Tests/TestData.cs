using Cleanup.Engine.Evaluation;
using Cleanup.Engine.Library;
using Cleanup.Engine.Rules;
using Cleanup.Engine.Sources;

namespace Cleanup.Engine.Tests;

/// <summary>Fixed instants and small builders, so that every test reads as a table of cases.</summary>
internal static class TestData
{
    public static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset DaysAgo(double days) => Now.AddDays(-days);

    public static DateTimeOffset? DaysAgoOrNull(double? days) => days is null ? null : Now.AddDays(-days.Value);

    public static SourceRef Radarr(int id = 1) => new(ServiceKind.Radarr, "radarr", id.ToString(), 10 + id);

    public static SourceRef Sonarr(int id = 1) => new(ServiceKind.Sonarr, "sonarr", id.ToString());

    public static LibraryItem Movie(
        string id = "movie:tmdb:1",
        double? addedDaysAgo = 100,
        string[]? tags = null,
        UserWatch[]? users = null,
        ItemRequest[]? requests = null,
        string[]? unknownBecause = null,
        long size = 4_000_000_000) => new()
    {
        Id = id,
        Type = MediaType.Movie,
        Title = "Movie " + id,
        Sources = [Radarr()],
        Added = DaysAgoOrNull(addedDaysAgo),
        Tags = tags ?? [],
        Requests = requests ?? [],
        Watch = new WatchSummary(users ?? [], unknownBecause),
        SizeBytes = size,
    };

    public static LibraryItem Series(string id = "series:tvdb:1", double? addedDaysAgo = 100, SeriesStatus status = SeriesStatus.Ended, string[]? tags = null, UserWatch[]? users = null) => new()
    {
        Id = id,
        Type = MediaType.Series,
        Title = "Series " + id,
        Sources = [Sonarr()],
        Added = DaysAgoOrNull(addedDaysAgo),
        SeriesStatus = status,
        Tags = tags ?? [],
        Watch = new WatchSummary(users ?? []),
        SizeBytes = 20_000_000_000,
    };

    public static LibraryItem Season(string seriesId, int season, UserWatch[]? users = null) => new()
    {
        Id = $"season:{seriesId["series:".Length..]}:s{season:00}",
        Type = MediaType.Season,
        Title = $"{seriesId} season {season}",
        ParentId = seriesId,
        SeriesItemId = seriesId,
        SeasonNumber = season,
        Sources = [Sonarr()],
        Added = DaysAgo(100),
        Watch = new WatchSummary(users ?? []),
    };

    public static LibraryItem Episode(string seriesId, int season, int episode, double? addedDaysAgo = 100, UserWatch[]? users = null, SeriesStatus status = SeriesStatus.Ended, string[]? tags = null) => new()
    {
        Id = $"episode:{seriesId["series:".Length..]}:s{season:00}e{episode:00}",
        Type = MediaType.Episode,
        Title = $"{seriesId} S{season:00}E{episode:00}",
        ParentId = $"season:{seriesId["series:".Length..]}:s{season:00}",
        SeriesItemId = seriesId,
        SeasonNumber = season,
        EpisodeNumber = episode,
        SeriesStatus = status,
        Tags = tags ?? [],
        Sources = [new SourceRef(ServiceKind.Sonarr, "sonarr", $"{season * 100 + episode}", season * 100 + episode, 1, season)],
        Added = DaysAgoOrNull(addedDaysAgo),
        Watch = new WatchSummary(users ?? []),
        SizeBytes = 1_000_000_000,
    };

    public static UserWatch Watched(string user, double daysAgo, int plays = 1) => new(user, true, plays, DaysAgo(daysAgo), false, false, false);

    public static UserWatch Favorite(string user) => new(user, false, 0, null, false, true, false);

    public static UserWatch InProgress(string user, double daysAgo) => new(user, false, 0, DaysAgo(daysAgo), true, false, false);

    public static UserWatch Playing(string user) => new(user, false, 0, null, false, false, true);

    public static ItemRequest Request(string user, double daysAgo, string? email = null) =>
        new("jellyseerr", 1, 1, user, email, DaysAgo(daysAgo), 5);

    /// <summary>A rule set with nothing but the given defaults and rules, and no optional protections.</summary>
    public static RuleSet RuleSetWith(string movies = "30d", string series = "90d", RetentionBase basis = RetentionBase.LastWatchedOrAdded, params RetentionRule[] rules) => new()
    {
        Movies = new RetentionPolicy { Retention = RetentionPeriod.Parse(movies), RetentionBase = basis },
        Series = new RetentionPolicy { Retention = RetentionPeriod.Parse(series), RetentionBase = basis },
        Rules = rules,
        Protections = new Protections.ProtectionOptions { FavoritesOf = [], InProgress = false, CurrentlyPlaying = false, RequestedWithin = RetentionPeriod.Never },
        Timeline = new Timeline.TimelineOptions { LeavingSoonWindow = RetentionPeriod.Days(14), GracePeriod = RetentionPeriod.Days(14) },
    };

    public static EvaluationResult Evaluate(RuleSet rules, EvaluationState? state, params LibraryItem[] items) =>
        RetentionEvaluator.Evaluate(new UnifiedLibrary(items), rules, state ?? EvaluationState.Empty, Now);

    public static Decision Decide(LibraryItem item, RuleSet rules, EvaluationState? state = null, params LibraryItem[] others) =>
        Evaluate(rules, state, [item, .. others]).Find(item.Id) ?? throw new Xunit.Sdk.XunitException($"no decision for {item.Id}");

    /// <summary>Previously flagged this many days ago.</summary>
    public static EvaluationState FlaggedDaysAgo(string id, double days) =>
        new() { FlaggedAt = new Dictionary<string, DateTimeOffset> { [id] = DaysAgo(days) } };
}
