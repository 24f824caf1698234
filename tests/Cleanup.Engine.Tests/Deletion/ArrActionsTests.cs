using Cleanup.Engine.Deletion;
using Cleanup.Engine.Sources;
using Cleanup.Engine.Tests.Workflows.Support;

namespace Cleanup.Engine.Tests.Deletion;

public sealed class ArrActionsTests
{
    private readonly FakeRadarr radarr = new();
    private readonly FakeSonarr sonarr = new();
    private readonly ArrActions actions;

    public ArrActionsTests()
    {
        var catalog = new FakeCatalog();
        catalog.Movies.Add(radarr);
        catalog.Series.Add(sonarr);
        actions = new ArrActions(catalog);
        radarr.AddMovie(1, "The Matrix", fileId: 51);
        sonarr.Series.Add(new ArrSeries("sonarr", 7, "Lost", 2004, 1, null, null, null, SeriesStatus.Ended, true, [], 10,
            [new ArrSeason(1, true, 2, 2, 2, 5, null, null), new ArrSeason(2, true, 1, 1, 1, 5, null, null)]));
        sonarr.Episodes.Add(new ArrEpisode("sonarr", 71, 7, 1, 1, "Pilot", null, true, true, 901, 5, null));
        sonarr.Episodes.Add(new ArrEpisode("sonarr", 72, 7, 1, 2, "Two", null, true, true, 902, 5, null));
        sonarr.Episodes.Add(new ArrEpisode("sonarr", 73, 7, 2, 1, "Three", null, true, true, 903, 5, null));
    }

    [Theory]
    [InlineData(DeletionAction.Delete, "delete movie 1 files=True exclusion=True")]
    [InlineData(DeletionAction.UnmonitorAndDeleteFiles, "monitor 1 False|delete moviefile 51")]
    [InlineData(DeletionAction.UnmonitorOnly, "monitor 1 False")]
    public async Task Movie_actions_make_the_right_calls_and_are_then_recognised_as_done(DeletionAction action, string expected)
    {
        var candidate = Movie(action);
        Assert.False(await actions.IsDoneAsync(candidate, default));

        await actions.ExecuteAsync(candidate, default);

        Assert.Equal(expected.Split('|'), radarr.Calls);
        Assert.True(await actions.IsDoneAsync(candidate, default));
    }

    [Fact]
    public async Task Deleting_a_season_unmonitors_it_and_deletes_only_its_files()
    {
        var candidate = new DeletionCandidate("season:tvdb:1:1", "Lost S1", DeletionMediaType.Season, 10, DeletionAction.Delete, "r", [],
            new([new ArrTarget("sonarr", ServiceKind.Sonarr, 7, SeasonNumber: 1, FileIds: [901, 902])], [], []));
        Assert.False(await actions.IsDoneAsync(candidate, default));

        await actions.ExecuteAsync(candidate, default);

        Assert.Contains("monitor season 7/1 False", sonarr.Calls);
        Assert.Contains("delete episodefiles 7: 901,902", sonarr.Calls);
        Assert.DoesNotContain(sonarr.Calls, c => c.StartsWith("delete series", StringComparison.Ordinal));
        Assert.Equal(903, sonarr.Episodes.Single(e => e.Id == 73).EpisodeFileId);
        Assert.True(await actions.IsDoneAsync(candidate, default));
    }

    [Fact]
    public async Task Deleting_a_series_removes_it_with_its_files()
    {
        var candidate = new DeletionCandidate("series:tvdb:1", "Lost", DeletionMediaType.Series, 10, DeletionAction.Delete, "r", [],
            new([new ArrTarget("sonarr", ServiceKind.Sonarr, 7)], [], []), AddImportListExclusion: false);

        await actions.ExecuteAsync(candidate, default);

        Assert.Equal(["delete series 7 files=True exclusion=False"], sonarr.Calls);
        Assert.True(await actions.IsDoneAsync(candidate, default));
    }

    [Fact]
    public async Task Episode_unmonitor_only_keeps_the_files()
    {
        var candidate = new DeletionCandidate("episode:x", "Pilot", DeletionMediaType.Episode, 5, DeletionAction.UnmonitorOnly, "r", [],
            new([new ArrTarget("sonarr", ServiceKind.Sonarr, 7, EpisodeIds: [71], FileIds: [901])], [], []));

        await actions.ExecuteAsync(candidate, default);

        Assert.Equal(["monitor episodes 71 False"], sonarr.Calls);
        Assert.True(await actions.IsDoneAsync(candidate, default));
    }

    [Fact]
    public async Task Unknown_state_is_reported_as_unknown()
    {
        radarr.ReadFails = true;

        Assert.Null(await actions.IsDoneAsync(Movie(DeletionAction.Delete), default));
    }

    private static DeletionCandidate Movie(DeletionAction action) =>
        new("movie:tmdb:1001", "The Matrix", DeletionMediaType.Movie, 10, action, "r", [],
            new([new ArrTarget("radarr", ServiceKind.Radarr, 1, FileIds: [51])], [], []), AddImportListExclusion: true);
}
