using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Cleanup.Engine.Jobs;
using Cleanup.Engine.Ports;
using Cleanup.Engine.Sources;
using Cleanup.Engine.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace Cleanup.Server.Tests.Api;

public sealed class WebhooksApiTests : IAsyncLifetime
{
    private const string Secret = "a-long-shared-secret-123";
    private readonly FakeStarter starter = new();
    private ApiHost host = null!;

    public async Task InitializeAsync() =>
        host = await ApiHost.StartAsync(new Dictionary<string, string?> { ["Webhooks:Secret"] = Secret }, s => s.AddSingleton<IJobStarter>(starter));

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task A_radarr_import_with_the_secret_header_starts_an_incremental_sync_of_the_movie()
    {
        using var response = await PostAsync("/api/webhooks/radarr", """{"eventType":"Download","movie":{"id":1,"title":"The Matrix","tmdbId":603},"isUpgrade":false}""", header: Secret);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var request = Assert.Single(starter.Requests);
        Assert.Equal(JobKind.IncrementalSync, request.Kind);
        Assert.Equal(JobTrigger.Webhook, request.Trigger);
        Assert.Equal("webhook:radarr", request.Actor);
        var hint = Assert.Single(((IncrementalSyncInput)request.Input!).Hints);
        Assert.Equal(new ItemHint(ServiceKind.Radarr, "Download", TmdbId: 603, Title: "The Matrix"), hint);
    }

    [Fact]
    public async Task A_sonarr_delete_with_the_secret_in_the_query_is_accepted()
    {
        using var response = await PostAsync($"/api/webhooks/sonarr?secret={Secret}", """{"eventType":"SeriesDelete","series":{"id":5,"title":"Lost","tvdbId":73739},"deletedFiles":true}""");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var hint = Assert.Single(((IncrementalSyncInput)Assert.Single(starter.Requests).Input!).Hints);
        Assert.Equal(ServiceKind.Sonarr, hint.Service);
        Assert.Equal(73739, hint.TvdbId);
    }

    [Fact]
    public async Task A_jellyfin_playback_stop_names_the_item()
    {
        using var response = await PostAsync("/api/webhooks/jellyfin", """{"NotificationType":"PlaybackStop","ItemId":"a1b2c3","Name":"Pilot","NotificationUsername":"anna"}""", header: Secret);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var hint = Assert.Single(((IncrementalSyncInput)Assert.Single(starter.Requests).Input!).Hints);
        Assert.Equal("a1b2c3", hint.ItemId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-secret-of-some-length")]
    [InlineData("a-long-shared-secret-12")]
    [InlineData("a-long-shared-secret-1234")]
    public async Task A_missing_or_wrong_secret_is_401_and_starts_nothing(string? secret)
    {
        using var response = await PostAsync("/api/webhooks/radarr", """{"eventType":"Download","movie":{"tmdbId":603}}""", header: secret);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(Secret, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(starter.Requests);
    }

    [Fact]
    public async Task The_test_button_and_other_events_are_acknowledged_without_a_sync()
    {
        using var response = await PostAsync("/api/webhooks/radarr", """{"eventType":"Test","movie":{"id":1,"title":"Test Title","tmdbId":0}}""", header: Secret);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Test", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("eventType").GetString());
        Assert.Empty(starter.Requests);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_400()
    {
        using var response = await PostAsync("/api/webhooks/sonarr", "{ not json", header: Secret);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(starter.Requests);
    }

    [Fact]
    public async Task While_a_sync_runs_the_webhook_is_accepted_with_the_running_job()
    {
        starter.Running[JobKind.IncrementalSync] = "job-running";

        using var response = await PostAsync("/api/webhooks/jellyfin", """{"NotificationType":"PlaybackStop","ItemId":"x"}""", header: Secret);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("job-running", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobId").GetString());
    }

    [Fact]
    public async Task Without_a_configured_secret_webhooks_are_off()
    {
        await using var open = await ApiHost.StartAsync(configure: s => s.AddSingleton<IJobStarter>(starter));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/radarr") { Content = new StringContent("""{"eventType":"Download"}""", Encoding.UTF8, "application/json") };

        using var response = await open.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(starter.Requests);
    }

    [Fact]
    public async Task A_short_secret_stops_the_start_naming_the_setting()
    {
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => ApiHost.StartAsync(new Dictionary<string, string?> { ["Webhooks:Secret"] = "short" }));

        Assert.Contains("Webhooks:Secret must be at least 16 characters", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("short'", ex.Message, StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> PostAsync(string path, string body, string? header = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (header is not null)
        {
            request.Headers.Add("X-Cleanup-Secret", header);
        }

        return await host.Client.SendAsync(request);
    }
}
