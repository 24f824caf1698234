using System.Text.Json;
using Cleanup.Engine.Sources;
using Cleanup.Fakes.Radarr;
using Cleanup.Integrations.Http;
using Cleanup.Integrations.Radarr;
using Cleanup.Integrations.Tests.Common;
using Cleanup.Integrations.Json;

namespace Cleanup.Integrations.Tests.Radarr;

public sealed class RadarrClientTests : IAsyncLifetime
{
    private FakeRadarr fake = null!;
    private RadarrClient client = null!;

    public async Task InitializeAsync()
    {
        fake = await TestServices.StartAsync(new FakeRadarr(TestLibraries.Movies(), TestServices.ApiKey));
        client = RadarrClient.Create(TestServices.Options(fake));
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await fake.DisposeAsync();
    }

    [Fact]
    public async Task Lists_the_whole_library_with_tag_labels_dates_and_sizes()
    {
        var movies = await client.ListMoviesAsync(default);

        Assert.Equal(3, movies.Count);
        var matrix = movies.Single(m => m.TmdbId == 603);
        Assert.Equal("radarr-test", matrix.Instance);
        Assert.Equal("The Matrix", matrix.Title);
        Assert.Equal(1999, matrix.Year);
        Assert.Equal("tt0133093", matrix.ImdbId);
        Assert.Equal(["keep", "4k"], matrix.Tags);
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero), matrix.Added);
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero), matrix.FileImported);
        Assert.Equal(14_000_000_000L, matrix.SizeOnDisk);
        Assert.True(matrix.HasFile);
        Assert.True(matrix.Monitored);
        Assert.Equal(FakeRadarr.MovieFileId(fake.Library.Movies[0]), matrix.MovieFileId);
        Assert.Equal("/movies/The Matrix (1999)", matrix.Path);

        var interstellar = movies.Single(m => m.TmdbId == 157336);
        Assert.Equal(new DateTimeOffset(2024, 3, 10, 8, 0, 0, TimeSpan.Zero), interstellar.FileImported);
        Assert.Equal(["kids"], interstellar.Tags);
    }

    [Fact]
    public async Task A_movie_without_a_file_has_no_import_date_no_size_and_no_file_id()
    {
        var inception = (await client.ListMoviesAsync(default)).Single(m => m.TmdbId == 27205);

        Assert.False(inception.HasFile);
        Assert.Null(inception.FileImported);
        Assert.Null(inception.MovieFileId);
        Assert.Equal(0, inception.SizeOnDisk);
        Assert.Null(inception.ImdbId);
        Assert.Empty(inception.Tags);
        Assert.Empty(client.TakeDataIssues());
    }

    [Fact]
    public async Task Placeholder_and_future_dates_become_null_and_are_recorded()
    {
        lock (fake.Library.Sync)
        {
            fake.Library.Movies[0].Added = DateTimeOffset.MinValue;                     // Radarr's "no date": 0001-01-01T00:00:00Z
            fake.Library.Movies[0].FileAdded = DateTimeOffset.MaxValue;                  // 9999-12-31T23:59:59Z
            fake.Library.Movies[2].Added = DateTimeOffset.UtcNow.AddDays(30);            // "added" next month
        }

        var movies = await client.ListMoviesAsync(default);
        var issues = client.TakeDataIssues();

        var matrix = movies.Single(m => m.TmdbId == 603);
        Assert.Null(matrix.Added);
        Assert.Null(matrix.FileImported);
        Assert.True(matrix.HasFile);
        Assert.Null(movies.Single(m => m.TmdbId == 157336).Added);
        Assert.Equal(3, issues.Count);
        Assert.Contains(issues, i => i.Field == "added" && i.RawValue == "0001-01-01T00:00:00Z" && i.Item.Contains("The Matrix") && i.Problem.Contains("placeholder"));
        Assert.Contains(issues, i => i.Field == "movieFile.dateAdded" && i.RawValue == "9999-12-31T23:59:59Z");
        Assert.Contains(issues, i => i.Field == "added" && i.Item.Contains("Interstellar") && i.Problem.Contains("future"));
        Assert.All(issues, i => Assert.Equal(("radarr-test", ServiceKind.Radarr), (i.Source, i.Kind)));
        Assert.Empty(client.TakeDataIssues());
    }

    [Fact]
    public async Task Delete_sends_both_flags_and_removes_the_movie()
    {
        await client.DeleteMovieAsync(1, deleteFiles: true, addImportExclusion: false, default);

        var call = Assert.Single(fake.Calls);
        Assert.Equal(("DELETE", "/api/v3/movie/1", "?deleteFiles=true&addImportExclusion=false"), (call.Method, call.Path, call.Query));
        Assert.True(fake.Library.Movies[0].Deleted);
        Assert.DoesNotContain(await client.ListMoviesAsync(default), m => m.Id == 1);
    }

    [Fact]
    public async Task Deleting_a_movie_that_is_gone_reports_404_without_retrying()
    {
        var before = fake.RequestCount;

        var ex = await Assert.ThrowsAsync<ServiceActionException>(() => client.DeleteMovieAsync(999, false, false, default));

        Assert.Equal(404, ex.StatusCode);
        Assert.Equal(ServiceKind.Radarr, ex.Kind);
        Assert.Equal(1, fake.RequestCount - before);
    }

    [Fact]
    public async Task Unmonitor_goes_through_the_editor_and_accepts_202()
    {
        await client.SetMonitoredAsync([1, 3], monitored: false, default);

        var call = Assert.Single(fake.Calls);
        Assert.Equal(("PUT", "/api/v3/movie/editor"), (call.Method, call.Path));
        using var body = JsonDocument.Parse(call.Body!);
        Assert.Equal([1, 3], body.RootElement.GetProperty("movieIds").EnumerateArray().Select(e => e.GetInt32()));
        Assert.False(body.RootElement.GetProperty("monitored").GetBoolean());
        Assert.False(body.RootElement.TryGetProperty("tags", out _)); // nulls left out, so Radarr leaves tags alone
        Assert.Equal([false, true, false], fake.Library.Movies.Select(m => m.Monitored));
    }

    [Fact]
    public async Task Nothing_to_unmonitor_sends_nothing()
    {
        await client.SetMonitoredAsync([], monitored: false, default);

        Assert.Empty(fake.Calls);
    }

    [Fact]
    public async Task Tags_are_added_by_label_creating_unknown_ones()
    {
        await client.SetTagsAsync([2], ["keep", "leaving-soon"], TagChange.Add, default);

        Assert.Equal(["POST /api/v3/tag", "PUT /api/v3/movie/editor"], fake.Calls.Select(c => $"{c.Method} {c.Path}"));
        Assert.Equal(["keep", "leaving-soon"], (await client.ListMoviesAsync(default)).Single(m => m.Id == 2).Tags);
    }

    [Fact]
    public async Task Tags_are_removed_and_replaced_by_label()
    {
        await client.SetTagsAsync([1], ["4k", "never-made"], TagChange.Remove, default);
        Assert.Equal(["keep"], (await client.ListMoviesAsync(default)).Single(m => m.Id == 1).Tags);
        Assert.DoesNotContain(fake.Calls, c => c.Method == "POST"); // removing does not create tags

        await client.SetTagsAsync([1, 3], ["kids"], TagChange.Replace, default);
        var movies = await client.ListMoviesAsync(default);
        Assert.Equal(["kids"], movies.Single(m => m.Id == 1).Tags);
        Assert.Equal(["kids"], movies.Single(m => m.Id == 3).Tags);
    }

    [Fact]
    public async Task Deleting_the_file_keeps_the_movie_without_a_file()
    {
        var fileId = (await client.ListMoviesAsync(default)).Single(m => m.Id == 1).MovieFileId!.Value;

        await client.DeleteMovieFileAsync(fileId, default);

        Assert.Equal($"/api/v3/moviefile/{fileId}", Assert.Single(fake.Calls).Path);
        var matrix = (await client.ListMoviesAsync(default)).Single(m => m.Id == 1);
        Assert.False(matrix.HasFile);
        Assert.Null(matrix.MovieFileId);
        Assert.Equal(0, matrix.SizeOnDisk);
        var again = await Assert.ThrowsAsync<ServiceActionException>(() => client.DeleteMovieFileAsync(fileId, default));
        Assert.Equal(404, again.StatusCode);
    }

    [Fact]
    public async Task Probe_reports_version_and_latency()
    {
        var status = await client.ProbeAsync(default);

        Assert.True(status.Reachable);
        Assert.Equal("5.26.2.10099", status.Version);
        Assert.NotNull(status.LatencyMs);
        Assert.Equal(fake.BaseUrl, status.Url);
        Assert.Null(status.Error);
    }

    [Fact]
    public async Task Works_under_a_url_base()
    {
        await using var based = await TestServices.StartAsync(new FakeRadarr(TestLibraries.Movies(), TestServices.ApiKey, urlBase: "/radarr"));
        using var c = RadarrClient.Create(TestServices.Options(based));

        Assert.EndsWith("/radarr", based.BaseUrl);
        Assert.Equal(3, (await c.ListMoviesAsync(default)).Count);
        await c.DeleteMovieAsync(2, false, true, default);
        Assert.Equal("/radarr/api/v3/movie/2", Assert.Single(based.Calls).Path);
    }

    [Fact]
    public void A_tag_id_missing_from_the_tag_list_fails_the_read()
    {
        var issues = new IssueRecorder("radarr", ServiceKind.Radarr, TimeProvider.System);
        var movie = new MovieResource { Id = 7, Title = "X", Tags = [1, 9], Added = "2024-01-01T00:00:00Z", Monitored = true };

        var ex = Assert.Throws<SourceReadException>(() => RadarrMovieMapping.ToArrMovie(movie, new Dictionary<int, string> { [1] = "keep" }, "radarr", issues));

        Assert.Contains("tag id 9", ex.Reason);
    }

    [Fact]
    public void Missing_optional_fields_and_string_ids_are_read()
    {
        var json = """[{"id":"12","title":"Odd","tmdbId":"550","added":"2024-01-01T00:00:00Z","monitored":true,"statistics":{"sizeOnDisk":"42"}}]""";
        var issues = new IssueRecorder("radarr", ServiceKind.Radarr, TimeProvider.System);

        var parsed = JsonSerializer.Deserialize<List<MovieResource>>(json, LenientJson.CamelCase)!;
        var movie = RadarrMovieMapping.ToArrMovie(parsed[0], new Dictionary<int, string>(), "radarr", issues)!;

        Assert.Equal((12, 550, 42L, false, (int?)null), (movie.Id, movie.TmdbId!.Value, movie.SizeOnDisk, movie.HasFile, movie.Year));
        Assert.Empty(movie.Tags);
        Assert.Empty(issues.Take());
    }
}
