using System.Net;
using System.Text.Json;
using Cleanup.Engine.Sources;
using Cleanup.Fakes.Sonarr;
using Cleanup.Integrations.Http;
using Cleanup.Integrations.Sonarr;
using Cleanup.Integrations.Tests.Common;

namespace Cleanup.Integrations.Tests.Sonarr;

public sealed class SonarrClientTests : IAsyncLifetime
{
    private FakeSonarr fake = null!;
    private SonarrClient client = null!;

    public async Task InitializeAsync()
    {
        fake = await TestServices.StartAsync(new FakeSonarr(TestLibraries.Shows(), TestServices.ApiKey));
        client = SonarrClient.Create(TestServices.Options(fake));
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await fake.DisposeAsync();
    }

    [Fact]
    public async Task Lists_series_with_status_tags_and_season_statistics()
    {
        var series = await client.ListSeriesAsync(default);

        Assert.Equal(2, series.Count);
        var bb = series.Single(s => s.TvdbId == 81189);
        Assert.Equal(("Breaking Bad", 2008, 1396, "tt0903747"), (bb.Title, bb.Year!.Value, bb.TmdbId!.Value, bb.ImdbId));
        Assert.Equal(SeriesStatus.Ended, bb.Status);
        Assert.Equal(["keep"], bb.Tags);
        Assert.Equal(new DateTimeOffset(2023, 5, 6, 7, 8, 9, TimeSpan.Zero), bb.Added);
        Assert.Equal(12_000_000_000L, bb.SizeOnDisk);
        Assert.Equal([1, 2], bb.Seasons.Select(s => s.SeasonNumber));
        var s2 = bb.Seasons[1];
        Assert.Equal((3, 3, 3, 6_000_000_000L, true), (s2.EpisodeFileCount, s2.EpisodeCount, s2.TotalEpisodeCount, s2.SizeOnDisk, s2.Monitored));
        Assert.Equal(new DateTimeOffset(2010, 2, 10, 2, 0, 0, TimeSpan.Zero), s2.PreviousAiring);
        Assert.Null(s2.NextAiring);

        var severance = series.Single(s => s.TvdbId == 371980);
        Assert.Equal(SeriesStatus.Continuing, severance.Status);
        Assert.Null(severance.TmdbId);   // Sonarr sends 0 for "no TMDB id"
        Assert.Null(severance.ImdbId);
        Assert.Equal(1, severance.Seasons.Single().EpisodeFileCount);
    }

    [Fact]
    public async Task Unknown_status_and_placeholder_added_are_recorded()
    {
        lock (fake.Library.Sync)
        {
            fake.Library.Series[1].Status = "hiatus";
            fake.Library.Series[1].Added = DateTimeOffset.MinValue;
        }

        var severance = (await client.ListSeriesAsync(default)).Single(s => s.Id == 2);
        var issues = client.TakeDataIssues();

        Assert.Equal(SeriesStatus.Unknown, severance.Status);
        Assert.Null(severance.Added);
        Assert.Contains(issues, i => i.Field == "status" && i.RawValue == "hiatus");
        Assert.Contains(issues, i => i.Field == "added" && i.RawValue == "0001-01-01T00:00:00Z");
    }

    [Fact]
    public async Task Episodes_are_joined_with_their_files()
    {
        var episodes = await client.ListEpisodesAsync(2, default);

        Assert.Equal(2, episodes.Count);
        var withFile = episodes.Single(e => e.EpisodeNumber == 1);
        Assert.Equal((20101, 2, 1, true, 20101, 3_000_000_000L), (withFile.Id, withFile.SeriesId, withFile.SeasonNumber, withFile.HasFile, withFile.EpisodeFileId!.Value, withFile.FileSize!.Value));
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 0, 0, 0, TimeSpan.Zero), withFile.FileImported);
        Assert.Equal(new DateTimeOffset(2022, 2, 18, 2, 0, 0, TimeSpan.Zero), withFile.AirDateUtc);
        Assert.Equal("Good News About Hell", withFile.Title);

        var without = episodes.Single(e => e.EpisodeNumber == 2);
        Assert.False(without.HasFile);
        Assert.Null(without.EpisodeFileId);
        Assert.Null(without.FileSize);
        Assert.Null(without.FileImported);
    }

    [Theory]
    [InlineData("episode", "seriesId or episodeIds must be provided")]
    [InlineData("episodefile", "seriesId or episodeFileIds must be provided")]
    public async Task Episode_reads_without_a_series_are_refused_like_sonarr(string path, string message)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{fake.BaseUrl}/api/v3/{path}");
        request.Headers.Add("X-Api-Key", TestServices.ApiKey);

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(message, body.RootElement.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Delete_uses_sonarrs_exclusion_parameter_name()
    {
        await client.DeleteSeriesAsync(2, deleteFiles: true, addImportListExclusion: true, default);

        var call = Assert.Single(fake.Calls);
        Assert.Equal(("DELETE", "/api/v3/series/2", "?deleteFiles=true&addImportListExclusion=true"), (call.Method, call.Path, call.Query));
        Assert.True(fake.Library.Series[1].Deleted);
        Assert.Single(await client.ListSeriesAsync(default));
    }

    [Fact]
    public async Task Episode_files_are_deleted_in_one_bulk_call_per_series()
    {
        await client.DeleteEpisodeFilesAsync(1, [10101, 10102], default);

        var call = Assert.Single(fake.Calls);
        Assert.Equal(("DELETE", "/api/v3/episodefile/bulk"), (call.Method, call.Path));
        using var body = JsonDocument.Parse(call.Body!);
        Assert.Equal([10101, 10102], body.RootElement.GetProperty("episodeFileIds").EnumerateArray().Select(e => e.GetInt32()));
        var episodes = await client.ListEpisodesAsync(1, default);
        Assert.Equal([false, false, true], episodes.Where(e => e.SeasonNumber == 1).OrderBy(e => e.EpisodeNumber).Select(e => e.HasFile));
    }

    [Fact]
    public async Task A_file_of_another_series_stops_the_bulk_delete_before_anything_is_deleted()
    {
        var ex = await Assert.ThrowsAsync<ServiceActionException>(() => client.DeleteEpisodeFilesAsync(1, [10101, 20101], default));

        Assert.Contains("20101", ex.Reason);
        Assert.Empty(fake.Calls);
        Assert.All(fake.Library.Series.SelectMany(s => s.Episodes).Where(e => e.Id is 10101 or 20101), e => Assert.True(e.HasFile));
    }

    [Fact]
    public async Task Episodes_are_unmonitored_with_202()
    {
        await client.SetEpisodesMonitoredAsync([10101, 10203], monitored: false, default);

        var call = Assert.Single(fake.Calls);
        Assert.Equal(("PUT", "/api/v3/episode/monitor"), (call.Method, call.Path));
        var episodes = await client.ListEpisodesAsync(1, default);
        Assert.Equal([10101, 10203], episodes.Where(e => !e.Monitored).Select(e => e.Id).Order());
    }

    [Fact]
    public async Task A_season_is_unmonitored_by_putting_back_the_whole_series()
    {
        await client.SetSeasonMonitoredAsync(1, 2, monitored: false, default);

        var call = Assert.Single(fake.Calls);
        Assert.Equal(("PUT", "/api/v3/series/1"), (call.Method, call.Path));
        using var body = JsonDocument.Parse(call.Body!);
        // Fields Cleanup does not model go back unchanged.
        Assert.Equal(1, body.RootElement.GetProperty("qualityProfileId").GetInt32());
        Assert.Equal("/tv/Breaking Bad (2008)", body.RootElement.GetProperty("path").GetString());
        Assert.Equal("HBO", body.RootElement.GetProperty("network").GetString());

        var bb = (await client.ListSeriesAsync(default)).Single(s => s.Id == 1);
        Assert.Equal([true, false], bb.Seasons.Select(s => s.Monitored));
        Assert.True(bb.Monitored);
    }

    [Fact]
    public async Task Unmonitoring_a_season_that_does_not_exist_fails_without_a_put()
    {
        var ex = await Assert.ThrowsAsync<ServiceActionException>(() => client.SetSeasonMonitoredAsync(1, 7, false, default));

        Assert.Equal(404, ex.StatusCode);
        Assert.Empty(fake.Calls);
        var gone = await Assert.ThrowsAsync<ServiceActionException>(() => client.SetSeasonMonitoredAsync(99, 1, false, default));
        Assert.Equal(404, gone.StatusCode);
    }

    [Fact]
    public async Task Series_are_unmonitored_through_the_editor()
    {
        await client.SetSeriesMonitoredAsync([1, 2], monitored: false, default);

        Assert.Equal(("PUT", "/api/v3/series/editor"), (fake.Calls[0].Method, fake.Calls[0].Path));
        Assert.All(await client.ListSeriesAsync(default), s => Assert.False(s.Monitored));
    }

    [Fact]
    public async Task Probe_reports_the_version()
    {
        var status = await client.ProbeAsync(default);

        Assert.True(status.Reachable);
        Assert.Equal("4.0.14.2939", status.Version);
        Assert.Equal(ServiceKind.Sonarr, status.Kind);
    }

    [Fact]
    public void An_episode_file_missing_from_the_file_list_is_recorded()
    {
        var issues = new IssueRecorder("sonarr", ServiceKind.Sonarr, TimeProvider.System);
        var episodes = new List<EpisodeResource> { new() { Id = 5, SeriesId = 3, EpisodeFileId = 77, SeasonNumber = 1, EpisodeNumber = 1, HasFile = true, Monitored = true } };

        var joined = SonarrMapping.ToArrEpisodes(3, episodes, [], "sonarr", issues);

        Assert.True(joined.Single().HasFile);
        Assert.Null(joined.Single().FileSize);
        Assert.Contains(issues.Take(), i => i.Field == "episodeFileId" && i.RawValue == "77");
    }
}
