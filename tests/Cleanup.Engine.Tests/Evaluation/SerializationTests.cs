using System.Text.Json;
using Cleanup.Engine.Evaluation;
using Cleanup.Engine.Library;
using Cleanup.Engine.Rules;
using Cleanup.Engine.Sources;
using static Cleanup.Engine.Tests.TestData;

namespace Cleanup.Engine.Tests.Evaluation;

/// <summary>Snapshots travel as blobs between activities and decisions go out through the API: both must survive JSON.</summary>
public sealed class SerializationTests
{
    [Fact]
    public void A_snapshot_round_trips_and_builds_the_same_library()
    {
        var snapshot = new SourceSnapshot
        {
            Movies = [new ArrMovie("radarr", 1, "The Matrix", 1999, 603, "tt0133093", DaysAgo(10), DaysAgo(9), 1000, true, true, ["kids"], "/movies/m", 5)],
            Series = [new ArrSeries("sonarr", 1, "Show", 2010, 81189, null, null, DaysAgo(300), SeriesStatus.Ended, true, [], 10, [new ArrSeason(1, true, 1, 1, 1, 10, null, null)])],
            Episodes = [new ArrEpisode("sonarr", 11, 1, 1, 1, "Pilot", DaysAgo(400), true, true, 111, 10, DaysAgo(100))],
            MediaServerItems = [new MediaServerItem("jellyfin", "abc", MediaServerItemType.Movie, "The Matrix", 1999, new ProviderIds(603, null, null), null, null, null, 5, DaysAgo(8))],
            WatchStates = [new UserWatchState("jellyfin", "u1", "alice", "abc", true, 1, DaysAgo(2), 0, false)],
            Requests = [new MediaRequest("jellyseerr", 1, 2, RequestedMediaType.Movie, 603, null, "alice", null, DaysAgo(20), 5, Seasons: [1])],
            History = [new WatchHistoryEntry("jellystat", "jellyfin", "bob", "abc", null, DaysAgo(1), true, 100)],
            NowPlaying = [new NowPlaying("jellyfin", "carol", "abc")],
            Failures = [new SourceFailure("tautulli", ServiceKind.Tautulli, "HTTP 503", "plex")],
            SourceKinds = new Dictionary<string, ServiceKind> { ["jellyfin"] = ServiceKind.Jellyfin },
        };

        var back = JsonSerializer.Deserialize<SourceSnapshot>(JsonSerializer.Serialize(snapshot))!;

        Assert.Equal(
            JsonSerializer.Serialize(UnifiedLibrary.Build(snapshot)),
            JsonSerializer.Serialize(UnifiedLibrary.Build(back)));
    }

    [Fact]
    public void Decisions_serialize_with_their_sentences()
    {
        var result = Evaluate(RuleSetWith(), null, Movie(addedDaysAgo: 100));

        var json = JsonSerializer.Serialize(result.Decisions, RuleSetJson.Options);

        Assert.Contains("\"status\":\"leavingSoon\"", json);
        Assert.Contains("\"sentences\":[\"No rule matched", json);
        Assert.Contains("\"itemId\":\"movie:tmdb:1\"", json);
    }
}
