using Cleanup.Engine.Deletion;
using Cleanup.Engine.Library;
using Cleanup.Engine.Sources;
using Cleanup.Engine.Sync;
using static Cleanup.Engine.Tests.TestData;

namespace Cleanup.Engine.Tests.Sync;

/// <summary>Where a due series, season or episode is acted on: Sonarr ids and file ids, Seerr media, server item ids.</summary>
public sealed class DeletionTargetMappingTests
{
    private static readonly UnifiedLibrary Library = UnifiedLibrary.Build(new SourceSnapshot
    {
        Series = [new ArrSeries("sonarr", 7, "Breaking Bad", 2008, 81189, 1396, null, DaysAgo(100), SeriesStatus.Ended, true, [], 3_000,
            [new ArrSeason(1, true, 2, 2, 2, 2_000, null, null), new ArrSeason(2, true, 1, 1, 1, 1_000, null, null)])],
        Episodes =
        [
            new ArrEpisode("sonarr", 71, 7, 1, 1, "Pilot", DaysAgo(900), true, true, 711, 1_000, DaysAgo(100)),
            new ArrEpisode("sonarr", 72, 7, 1, 2, "Cat's in the Bag", DaysAgo(893), true, true, 712, 1_000, DaysAgo(100)),
            new ArrEpisode("sonarr", 73, 7, 2, 1, "Seven Thirty-Seven", DaysAgo(500), true, true, 721, 1_000, DaysAgo(100)),
        ],
        MediaServerItems =
        [
            new MediaServerItem("jellyfin", "jf-bb", MediaServerItemType.Series, "Breaking Bad", 2008, new ProviderIds(1396, null, 81189), null, null, null, null, null),
            new MediaServerItem("jellyfin", "jf-bb-101", MediaServerItemType.Episode, "Pilot", 2008, new ProviderIds(null, null, null), "jf-bb", 1, 1, 1_000, null),
            new MediaServerItem("jellyfin", "jf-bb-201", MediaServerItemType.Episode, "Seven Thirty-Seven", 2009, new ProviderIds(null, null, null), "jf-bb", 2, 1, 1_000, null),
        ],
        Requests = [new MediaRequest("jellyseerr", 5, 55, RequestedMediaType.Tv, 1396, 81189, "bob", null, DaysAgo(200), 2)],
    });

    [Fact]
    public void A_series_is_deleted_through_its_sonarr_series_with_every_episode_file()
    {
        var targets = DeletionTargetMapping.For(Library.Find("series:tvdb:81189")!, Library);

        var sonarr = Assert.Single(targets.Arr);
        Assert.Equal(("sonarr", ServiceKind.Sonarr, 7, (int?)null), (sonarr.Instance, sonarr.Kind, sonarr.Id, sonarr.SeasonNumber));
        Assert.Equal([711, 712, 721], sonarr.FileIds!.Order());
        Assert.Equal([new RequestTarget("jellyseerr", 55)], targets.Requests);
        Assert.Equal(["jf-bb", "jf-bb-101", "jf-bb-201"], targets.MediaServers.Select(t => t.ItemId).Order());
    }

    [Fact]
    public void A_season_is_its_series_and_number_with_only_that_seasons_files()
    {
        var targets = DeletionTargetMapping.For(Library.Find("season:tvdb:81189:s01")!, Library);

        var sonarr = Assert.Single(targets.Arr);
        Assert.Equal((7, (int?)1), (sonarr.Id, sonarr.SeasonNumber));
        Assert.Equal([711, 712], sonarr.FileIds!.Order());
        Assert.Equal(["jf-bb-101"], targets.MediaServers.Select(t => t.ItemId));
    }

    [Fact]
    public void An_episode_is_its_series_with_its_episode_and_file_ids()
    {
        var targets = DeletionTargetMapping.For(Library.Find("episode:tvdb:81189:s02e01")!, Library);

        var sonarr = Assert.Single(targets.Arr);
        Assert.Equal((7, (int?)2), (sonarr.Id, sonarr.SeasonNumber));
        Assert.Equal([73], sonarr.EpisodeIds!);
        Assert.Equal([721], sonarr.FileIds!);
        Assert.Equal(["jf-bb-201"], targets.MediaServers.Select(t => t.ItemId));
    }
}
