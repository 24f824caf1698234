using System.Net;
using System.Text.Json;
using Cleanup.Fakes.Library;
using Cleanup.Fakes.Sonarr;
using Cleanup.Integrations.Sonarr;
using Cleanup.Integrations.Tests.Common;

namespace Cleanup.Integrations.Tests.Contracts;

/// <summary>What FakeSonarr serves and what SonarrClient sends, checked against Sonarr's OpenAPI document (strictly, as it is generated).</summary>
public sealed class SonarrContractTests : IAsyncLifetime
{
    private static readonly OpenApiDocument Spec = OpenApiDocument.Load("sonarr-v3.openapi.json");
    private FakeSonarr fake = null!;
    private SonarrClient client = null!;

    public async Task InitializeAsync()
    {
        var library = FakeLibraries.Demo(TimeProvider.System);
        var upcoming = library.AddSeries(999_002, null, null, "Not Aired Yet", 2026, DateTimeOffset.UtcNow.AddDays(-2), "upcoming", "requested");
        upcoming.AddEpisode(1, 1, "Pilot", DateTimeOffset.UtcNow.AddDays(30), 0);
        fake = await TestServices.StartAsync(new FakeSonarr(library, TestServices.ApiKey));
        client = SonarrClient.Create(TestServices.Options(fake));
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await fake.DisposeAsync();
    }

    [Theory]
    [InlineData("/api/v3/series", "/api/v3/series")]
    [InlineData("/api/v3/series/1", "/api/v3/series/{id}")]
    [InlineData("/api/v3/episode?seriesId=1", "/api/v3/episode")]
    [InlineData("/api/v3/episode?seriesId=4", "/api/v3/episode")]
    [InlineData("/api/v3/episodefile?seriesId=1", "/api/v3/episodefile")]
    [InlineData("/api/v3/tag", "/api/v3/tag")]
    [InlineData("/api/v3/system/status", "/api/v3/system/status")]
    public async Task Reads_match_the_document(string url, string template)
    {
        var answer = await FakeAnswer.SendAsync(fake, HttpMethod.Get, url);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Spec.AssertValid(Spec.ResponseSchema(template, "GET", "200")!.Value, answer.RequiredBody);
    }

    [Fact]
    public async Task Episode_reads_without_a_series_answer_400_which_the_document_does_not_list()
    {
        var episodes = await FakeAnswer.SendAsync(fake, HttpMethod.Get, "/api/v3/episode");
        var files = await FakeAnswer.SendAsync(fake, HttpMethod.Get, "/api/v3/episodefile");

        // Documented difference (API-NOTES): seriesId is optional in the document, but the server refuses without it.
        Assert.DoesNotContain("400", Spec.ResponseStatuses("/api/v3/episode", "GET"));
        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (episodes.Status, files.Status));
        Assert.Equal(JsonValueKind.String, episodes.RequiredBody.GetProperty("message").ValueKind);
    }

    [Fact]
    public async Task Monitoring_changes_send_documented_bodies_and_get_202_where_the_document_says_200()
    {
        await client.SetEpisodesMonitoredAsync([10101], false, default);
        await client.SetSeriesMonitoredAsync([2], false, default);
        await client.SetSeasonMonitoredAsync(1, 1, false, default);

        var sent = fake.Calls.ToDictionary(c => c.Path, c => FakeAnswer.Parse(c.Body));
        Spec.AssertValid(Spec.RequestSchema("/api/v3/episode/monitor", "PUT")!.Value, sent["/api/v3/episode/monitor"]);
        Spec.AssertValid(Spec.RequestSchema("/api/v3/series/editor", "PUT")!.Value, sent["/api/v3/series/editor"]);
        Spec.AssertValid(Spec.RequestSchema("/api/v3/series/{id}", "PUT")!.Value, sent["/api/v3/series/1"]);

        foreach (var (url, template, body) in new[]
        {
            ("/api/v3/episode/monitor", "/api/v3/episode/monitor", """{"episodeIds":[10102],"monitored":false}"""),
            ("/api/v3/series/editor", "/api/v3/series/editor", """{"seriesIds":[3],"monitored":false}"""),
            ("/api/v3/series/1", "/api/v3/series/{id}", sent["/api/v3/series/1"].GetRawText()),
        })
        {
            var answer = await FakeAnswer.SendAsync(fake, HttpMethod.Put, url, body);

            // Documented difference (API-NOTES): *arr PUTs answer 202 Accepted; the document only lists 200.
            Assert.Equal(["200"], Spec.ResponseStatuses(template, "PUT"));
            Assert.Equal(HttpStatusCode.Accepted, answer.Status);
        }

        var seriesAnswer = await FakeAnswer.SendAsync(fake, HttpMethod.Put, "/api/v3/series/1", sent["/api/v3/series/1"].GetRawText());
        Spec.AssertValid(Spec.ResponseSchema("/api/v3/series/{id}", "PUT", "200")!.Value, seriesAnswer.RequiredBody);
    }

    [Fact]
    public async Task Deletes_use_documented_bodies_and_parameters()
    {
        await client.DeleteEpisodeFilesAsync(1, [10101, 10102], default);
        await client.DeleteSeriesAsync(2, deleteFiles: true, addImportListExclusion: true, default);

        var bulk = fake.Calls.Single(c => c.Path == "/api/v3/episodefile/bulk");
        Assert.Equal("DELETE", bulk.Method);
        Spec.AssertValid(Spec.RequestSchema("/api/v3/episodefile/bulk", "DELETE")!.Value, FakeAnswer.Parse(bulk.Body));

        var used = System.Web.HttpUtility.ParseQueryString(fake.Calls.Single(c => c.Path == "/api/v3/series/2").Query).AllKeys.OfType<string>().ToList();
        Assert.Equal(["deleteFiles", "addImportListExclusion"], used);
        Assert.All(used, name => Assert.Contains(name, Spec.ParameterNames("/api/v3/series/{id}", "DELETE")));
        // The names differ from Radarr's on purpose: Sonarr's document has no addImportExclusion.
        Assert.DoesNotContain("addImportExclusion", Spec.ParameterNames("/api/v3/series/{id}", "DELETE"));

        var again = await FakeAnswer.SendAsync(fake, HttpMethod.Delete, "/api/v3/series/3");
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Null(again.Body);
    }
}
