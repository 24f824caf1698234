using Cleanup.Engine.Sources;
using Cleanup.Fakes.Hosting;
using Cleanup.Fakes.Library;
using Cleanup.Fakes.Seerr;
using Cleanup.Integrations.Http;
using Cleanup.Integrations.Seerr;
using Cleanup.Integrations.Tests.Common;
using Cleanup.Integrations.Json;

namespace Cleanup.Integrations.Tests.Seerr;

public sealed class SeerrClientTests : IAsyncLifetime
{
    private FakeSeerr fake = null!;
    private SeerrClient client = null!;

    public async Task InitializeAsync()
    {
        fake = await TestServices.StartAsync(new FakeSeerr(TestLibraries.Requests(25), TestServices.ApiKey));
        client = SeerrClient.Create(ServiceKind.Jellyseerr, TestServices.Options(fake, o => o.PageSize = 10));
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await fake.DisposeAsync();
    }

    [Fact]
    public async Task Reads_every_page()
    {
        var before = fake.RequestCount;

        var requests = await client.ListRequestsAsync(default);

        Assert.Equal(3, fake.RequestCount - before); // 10 + 10 + 5
        Assert.Equal(Enumerable.Range(1, 25), requests.Select(r => r.RequestId).Order());
        Assert.Equal(25, requests.Select(r => r.RequestId).Distinct().Count());
    }

    [Fact]
    public async Task Maps_requester_media_and_dates()
    {
        var requests = await client.ListRequestsAsync(default);

        var movie = requests.Single(r => r.RequestId == 1);
        Assert.Equal(("jellyseerr-test", 1, RequestedMediaType.Movie, 1001, (int?)null), (movie.Instance, movie.MediaId, movie.MediaType, movie.TmdbId!.Value, movie.TvdbId));
        Assert.Equal(("bob", "bob@example.com"), (movie.RequesterName, movie.RequesterEmail));
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 10, 20, 30, TimeSpan.Zero), movie.CreatedAt);
        Assert.Equal(2, movie.Status);
        Assert.Null(movie.Seasons);

        var show = requests.Single(r => r.RequestId == 2);
        Assert.Equal((RequestedMediaType.Tv, 1002, 5002), (show.MediaType, show.TmdbId!.Value, show.TvdbId!.Value));
        Assert.Equal("carol", show.RequesterName);
        Assert.Equal("carol@local", show.RequesterEmail);
        Assert.Equal([1], show.Seasons!);
        Assert.Equal(5, requests.Single(r => r.RequestId == 5).Status);
        Assert.Empty(client.TakeDataIssues());
    }

    [Fact]
    public async Task Reads_every_user_page()
    {
        using var small = SeerrClient.Create(ServiceKind.Jellyseerr, TestServices.Options(fake, o => o.PageSize = 2));

        var users = await small.ListUsersAsync(default);

        Assert.Equal(["alice", "bob", "carol"], users.Select(u => u.DisplayName));
        Assert.Equal([1, 2, 3], users.Select(u => u.Id));
        Assert.All(users, u => Assert.Equal(3, u.UserType));
        Assert.Equal("alice@example.com", users[0].Email);
    }

    [Fact]
    public async Task Overseerr_is_the_same_api_under_its_own_name()
    {
        await using var overseerr = await TestServices.StartAsync(new FakeSeerr(TestLibraries.Requests(4), TestServices.ApiKey, ServiceKind.Overseerr));
        using var c = SeerrClient.Create(ServiceKind.Overseerr, TestServices.Options(overseerr));

        var requests = await c.ListRequestsAsync(default);
        var status = await c.ProbeAsync(default);

        Assert.Equal(ServiceKind.Overseerr, c.Kind);
        Assert.Equal("overseerr-test", c.Name);
        Assert.Equal(4, requests.Count);
        Assert.Equal("bob", requests.Single(r => r.RequestId == 1).RequesterName);
        Assert.Equal("1.34.0", status.Version);
        Assert.All((await c.ListUsersAsync(default)), u => Assert.Equal(1, u.UserType));
    }

    [Fact]
    public void Only_seerr_kinds_make_a_seerr_client()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SeerrClient.Create(ServiceKind.Radarr, TestServices.Options(fake)));
    }

    [Fact]
    public async Task Deleting_media_removes_its_requests_and_a_second_delete_is_already_done()
    {
        await client.DeleteMediaAsync(7, default);
        await client.DeleteMediaAsync(7, default); // 404: already gone, not an error

        Assert.Equal(["DELETE /api/v1/media/7", "DELETE /api/v1/media/7"], fake.Calls.Select(c => c.ToString()));
        Assert.True(fake.Library.Requests.Single(r => r.Id == 7).Deleted);
        Assert.DoesNotContain(await client.ListRequestsAsync(default), r => r.MediaId == 7);
    }

    [Fact]
    public async Task Truncated_paging_is_a_failed_read_not_a_shorter_list()
    {
        fake.Faults.Current = Fault.TruncatedPaging;

        var ex = await Assert.ThrowsAsync<SourceReadException>(() => client.ListRequestsAsync(default));

        Assert.Contains("25 of 40", ex.Reason);
        Assert.Equal(ServiceKind.Jellyseerr, ex.Kind);
    }

    [Fact]
    public async Task A_page_size_that_divides_the_total_needs_no_extra_page()
    {
        using var exact = SeerrClient.Create(ServiceKind.Jellyseerr, TestServices.Options(fake, o => o.PageSize = 5));
        var before = fake.RequestCount;

        Assert.Equal(25, (await exact.ListRequestsAsync(default)).Count);
        Assert.Equal(5, fake.RequestCount - before);
    }

    [Fact]
    public async Task No_requests_is_an_empty_list()
    {
        await using var empty = await TestServices.StartAsync(new FakeSeerr(TestLibraries.Requests(0), TestServices.ApiKey));
        using var c = SeerrClient.Create(ServiceKind.Jellyseerr, TestServices.Options(empty));

        Assert.Empty(await c.ListRequestsAsync(default));
    }

    [Fact]
    public async Task A_placeholder_request_date_is_null_and_recorded()
    {
        lock (fake.Library.Sync)
        {
            var old = fake.Library.Requests[0];
            fake.Library.Requests[0] = new FakeRequest { Id = old.Id, User = old.User, IsMovie = true, TmdbId = old.TmdbId, CreatedAt = DateTimeOffset.MinValue };
        }

        var request = (await client.ListRequestsAsync(default)).Single(r => r.RequestId == 1);
        var issue = Assert.Single(client.TakeDataIssues());

        Assert.Null(request.CreatedAt);
        Assert.Equal(("request 1", "createdAt", "0001-01-01T00:00:00.000Z"), (issue.Item, issue.Field, issue.RawValue));
    }

    [Fact]
    public async Task Probe_needs_no_key()
    {
        using var keyless = SeerrClient.Create(ServiceKind.Jellyseerr, TestServices.Options(fake, o => o.ApiKey = "wrong"));

        var status = await keyless.ProbeAsync(default);

        Assert.True(status.Reachable);
        Assert.Equal("2.7.3", status.Version);
        var refused = await Assert.ThrowsAsync<SourceReadException>(() => keyless.ListRequestsAsync(default));
        Assert.Equal(403, refused.StatusCode);
    }

    [Theory]
    [InlineData("""{"id":4,"displayName":"Shown","username":"u","email":"e@x"}""", "Shown")]
    [InlineData("""{"id":4,"displayName":"","username":"u","plexUsername":"p","email":"e@x"}""", "u")]
    [InlineData("""{"id":4,"username":null,"plexUsername":"p","jellyfinUsername":"j","email":"e@x"}""", "p")]
    [InlineData("""{"id":4,"jellyfinUsername":"j","email":"e@x"}""", "j")]
    [InlineData("""{"id":4,"email":"e@x"}""", "e@x")]
    [InlineData("""{"id":"4"}""", "user 4")]
    public void Display_name_falls_back_like_seerr(string json, string expected)
    {
        var user = System.Text.Json.JsonSerializer.Deserialize<UserResource>(json, LenientJson.CamelCase)!;

        Assert.Equal(expected, SeerrMapping.DisplayName(user));
    }

    [Fact]
    public void Requests_without_usable_media_are_skipped_and_recorded()
    {
        var issues = new IssueRecorder("jellyseerr", ServiceKind.Jellyseerr, TimeProvider.System);

        Assert.Null(SeerrMapping.ToMediaRequest(new RequestResource { Id = 1, Status = 2 }, "jellyseerr", issues));
        Assert.Null(SeerrMapping.ToMediaRequest(new RequestResource { Id = 2, Status = 2, Media = new MediaResource { Id = 9, MediaType = "music" } }, "jellyseerr", issues));

        Assert.Equal(["media", "media.mediaType"], issues.Take().Select(i => i.Field));
    }
}
