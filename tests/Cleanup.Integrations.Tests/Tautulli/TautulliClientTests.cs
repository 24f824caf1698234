using System.Net;
using System.Text.Json;
using Cleanup.Engine.Sources;
using Cleanup.Fakes.Hosting;
using Cleanup.Fakes.History;
using Cleanup.Fakes.Library;
using Cleanup.Fakes.Tautulli;
using Cleanup.Integrations.Json;
using Cleanup.Integrations.Tautulli;
using static Cleanup.Integrations.Tests.Common.TestFaults;
using static Cleanup.Integrations.Tests.Common.TestServices;

namespace Cleanup.Integrations.Tests.Tautulli;

public sealed class TautulliClientTests : IAsyncLifetime
{
    private const string Key = "tautulli0secret0key0000000000abcd";
    private readonly FakeLibrary library = FakeLibraries.Demo(TimeProvider.System);
    private FakeTautulli fake = null!;

    public async Task InitializeAsync()
    {
        fake = new FakeTautulli(library, Key);
        await fake.StartAsync();
    }

    public async Task DisposeAsync() => await fake.DisposeAsync();

    private TautulliClient Client(int pageSize = 4, int retries = 2, int timeout = 5, string? key = null) =>
        TautulliClient.Create(ServiceKind.Tautulli, OptionsFor(fake, "tautulli", retries, timeout, key), "plex", TimeProvider.System, pageSize: pageSize);

    [Fact]
    public async Task Lists_every_play_across_pages_with_plex_rating_keys()
    {
        using var client = Client(pageSize: 4);
        var history = await client.ListHistoryAsync(null, default);

        Assert.Equal(17, history.Count);
        Assert.True(fake.RequestCount >= 5);
        Assert.All(history, h =>
        {
            Assert.Equal("tautulli", h.Source);
            Assert.Equal("plex", h.MediaServer);
            Assert.Matches("^[0-9]+$", h.ItemId);
        });

        var matrixKey = FakeKeys.PlexRatingKey(FakeKeys.Movie(603)).ToString();
        var matrix = history.Where(h => h.ItemId == matrixKey).ToList();
        Assert.Equal(3, matrix.Count(h => h.UserName == "alice"));
        Assert.All(matrix, h => Assert.True(h.Completed));
        Assert.All(matrix, h => Assert.Equal(100, h.PercentComplete));
        Assert.All(matrix, h => Assert.Null(h.SeriesItemId));
        var bob = matrix.Single(h => h.UserName == "bob");
        Assert.Equal(FakeTautulli.UserId("bob").ToString(), bob.UserId);
        var lastPlayed = library.Watches.Single(w => w.User == "bob" && w.ItemKey == FakeKeys.Movie(603)).LastPlayed!.Value;
        Assert.Equal(lastPlayed.ToUnixTimeSeconds(), bob.WatchedAt.ToUnixTimeSeconds());

        var episode = history.Single(h => h.ItemId == FakeKeys.PlexRatingKey(FakeKeys.Episode(280619, 1, 1)).ToString());
        Assert.Equal(FakeKeys.PlexRatingKey(FakeKeys.Series(280619)).ToString(), episode.SeriesItemId);

        var partial = history.Single(h => h.ItemId == FakeKeys.PlexRatingKey(FakeKeys.Movie(496243)).ToString());
        Assert.False(partial.Completed);
        Assert.Equal(50, partial.PercentComplete);
        Assert.Equal(TimeSpan.FromHours(1), partial.PlayedFor);
    }

    [Fact]
    public async Task Since_keeps_only_recent_plays_and_stops_paging_early()
    {
        var since = TimeProvider.System.GetUtcNow().AddDays(-19);
        using var client = Client(pageSize: 2);
        var recent = await client.ListHistoryAsync(since, default);

        lock (library.Sync)
        {
            Assert.Equal(FakePlays.From(library).Count(p => p.StartedAt >= since), recent.Count);
        }

        Assert.NotEmpty(recent);
        Assert.True(fake.RequestCount < 9, $"{fake.RequestCount} requests: paging did not stop at 'since'");
    }

    [Fact]
    public async Task Probe_reports_the_version()
    {
        using var client = Client();
        var status = await client.ProbeAsync(default);
        Assert.True(status.Reachable, status.Error);
        Assert.Equal("v2.15.2", status.Version);
    }

    [Fact]
    public async Task A_wrong_key_reports_tautullis_message_once_and_never_the_key()
    {
        using var client = Client(retries: 3, key: "0123456789wrongwrongwrong0123456");
        var ex = await Assert.ThrowsAsync<SourceReadException>(() => client.ListHistoryAsync(null, default));
        Assert.Contains("Invalid apikey", ex.Reason);
        Assert.Equal(1, fake.RequestCount);
        AssertNoSecret(ex, "0123456789wrongwrongwrong0123456");

        var status = await client.ProbeAsync(default);
        Assert.False(status.Reachable);
        Assert.Contains("Invalid apikey", status.Error);
    }

    [Theory]
    [MemberData(nameof(ReadFaults), MemberType = typeof(Common.TestFaults))]
    public async Task A_failing_read_throws_and_never_shows_the_key_from_the_url(Fault fault)
    {
        var (retries, timeout) = BudgetFor(fault);
        using var client = Client(pageSize: 5, retries: retries, timeout: timeout);
        Apply(fake, fault);

        var ex = await Assert.ThrowsAsync<SourceReadException>(() => client.ListHistoryAsync(null, default));
        Assert.Equal(ServiceKind.Tautulli, ex.Kind);
        AssertNoSecret(ex, Key);
        AssertNoSecret(ex, "apikey=");
    }

    [Fact]
    public async Task Server_errors_are_retried_until_the_server_recovers()
    {
        fake.Faults.Current = Fault.ServerError;
        fake.Faults.FailFirst = 2;
        using var client = Client(pageSize: 100, retries: 3);
        Assert.Equal(17, (await client.ListHistoryAsync(null, default)).Count);
    }

    [Fact]
    public async Task A_play_with_a_date_in_the_far_future_fails_the_read_and_is_reported()
    {
        lock (library.Sync)
        {
            library.Watch("carol", FakeKeys.Movie(438631), new DateTimeOffset(2200, 1, 1, 0, 0, 0, TimeSpan.Zero), playCount: 1);
        }

        using var client = Client(pageSize: 50);
        var ex = await Assert.ThrowsAsync<SourceReadException>(() => client.ListHistoryAsync(null, default));
        Assert.Contains("date", ex.Reason);
        Assert.Contains(client.DataIssues.Snapshot(), i => i.Field == "date" && i.Problem.Contains("future"));
    }

    [Fact]
    public void Rows_read_ids_and_numbers_whether_strings_or_ints()
    {
        var json = """
            {"response":{"result":"success","message":null,"data":{"recordsFiltered":"2","recordsTotal":2,"data":[
              {"id":"7","date":"1714558830","user":"bob","user_id":"123","rating_key":"42","grandparent_rating_key":"","media_type":"movie","percent_complete":"97","watched_status":"1"},
              {"id":8,"date":1714558830,"user_id":123,"rating_key":43,"grandparent_rating_key":40,"media_type":"episode","percent_complete":55.0,"watched_status":0.5}
            ]}}}
            """;
        var envelope = JsonSerializer.Deserialize<TautulliEnvelope<TautulliHistoryData>>(json, LenientJson.Options(null))!;
        var data = envelope.Response!.Data!;
        Assert.Equal(2, data.RecordsFiltered);
        var (movie, episode) = (data.Data![0], data.Data[1]);
        Assert.Equal(("42", (string?)null, 97L, 1.0), (movie.RatingKey, movie.GrandparentRatingKey, movie.PercentComplete!.Value, movie.WatchedStatus!.Value));
        Assert.Equal(("43", "40", "123", 55L, 0.5), (episode.RatingKey, episode.GrandparentRatingKey, episode.UserId, episode.PercentComplete!.Value, episode.WatchedStatus!.Value));
        Assert.Equal(1714558830, movie.Date);
        Assert.Null(movie.FriendlyName);
    }

    [Fact]
    public async Task The_fake_answers_errors_in_the_envelope_with_400_and_401()
    {
        using var http = new HttpClient();
        var unknown = await http.GetAsync($"{fake.BaseUrl}/api/v2?apikey={Key}&cmd=nope");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        using var body = JsonDocument.Parse(await unknown.Content.ReadAsStringAsync());
        Assert.Equal("error", body.RootElement.GetProperty("response").GetProperty("result").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync($"{fake.BaseUrl}/api/v2?cmd=get_history")).StatusCode);
    }
}
