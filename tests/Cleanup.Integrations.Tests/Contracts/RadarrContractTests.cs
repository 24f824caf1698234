using System.Net;
using System.Text.Json;
using Cleanup.Fakes.Library;
using Cleanup.Fakes.Radarr;
using Cleanup.Integrations.Radarr;
using Cleanup.Integrations.Tests.Common;

namespace Cleanup.Integrations.Tests.Contracts;

/// <summary>
/// What FakeRadarr serves and what RadarrClient sends, checked against Radarr's own OpenAPI document for every
/// operation Cleanup uses. The document is generated from Radarr's resources, so unknown properties are errors too.
/// </summary>
public sealed class RadarrContractTests : IAsyncLifetime
{
    private static readonly OpenApiDocument Spec = OpenApiDocument.Load("radarr-v3.openapi.json");
    private FakeRadarr fake = null!;
    private RadarrClient client = null!;

    public async Task InitializeAsync()
    {
        var library = FakeLibraries.Demo(TimeProvider.System);
        library.AddMovie(999_001, null, "No File Yet", 2025, DateTimeOffset.UtcNow.AddDays(-1), 0, "requested");
        fake = await TestServices.StartAsync(new FakeRadarr(library, TestServices.ApiKey));
        client = RadarrClient.Create(TestServices.Options(fake));
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await fake.DisposeAsync();
    }

    [Theory]
    [InlineData("/api/v3/movie", "/api/v3/movie")]
    [InlineData("/api/v3/movie?tmdbId=603", "/api/v3/movie")]
    [InlineData("/api/v3/movie/1", "/api/v3/movie/{id}")]
    [InlineData("/api/v3/tag", "/api/v3/tag")]
    [InlineData("/api/v3/system/status", "/api/v3/system/status")]
    public async Task Reads_match_the_document(string url, string template)
    {
        var answer = await FakeAnswer.SendAsync(fake, HttpMethod.Get, url);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Spec.AssertValid(Spec.ResponseSchema(template, "GET", "200")!.Value, answer.RequiredBody);
    }

    [Fact]
    public async Task A_movie_without_a_file_omits_movieFile_as_radarr_does()
    {
        var movies = (await FakeAnswer.SendAsync(fake, HttpMethod.Get, "/api/v3/movie")).RequiredBody;

        var noFile = movies.EnumerateArray().Single(m => m.GetProperty("tmdbId").GetInt32() == 999_001);
        Assert.False(noFile.TryGetProperty("movieFile", out _));
        Assert.False(noFile.TryGetProperty("imdbId", out _));
        Assert.Equal(0, noFile.GetProperty("movieFileId").GetInt32());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", noFile.GetProperty("added").GetString());
    }

    [Fact]
    public async Task The_movie_editor_answers_202_with_the_movies_where_the_document_says_200_without_a_body()
    {
        await client.SetMonitoredAsync([1, 2], false, default);
        await client.SetTagsAsync([1], ["leaving-soon"], TagChange.Add, default);
        var editorBodies = fake.Calls.Where(c => c.Path == "/api/v3/movie/editor").Select(c => FakeAnswer.Parse(c.Body)).ToList();

        var answer = await FakeAnswer.SendAsync(fake, HttpMethod.Put, "/api/v3/movie/editor", """{"movieIds":[3],"monitored":false}""");

        // Documented difference (API-NOTES): the real server answers 202 Accepted with the changed movies.
        Assert.Equal(["200"], Spec.ResponseStatuses("/api/v3/movie/editor", "PUT"));
        Assert.Null(Spec.ResponseSchema("/api/v3/movie/editor", "PUT", "200"));
        Assert.Equal(HttpStatusCode.Accepted, answer.Status);
        Spec.AssertValid(Spec.ResponseSchema("/api/v3/movie", "GET", "200")!.Value, answer.RequiredBody);

        Assert.Equal(2, editorBodies.Count);
        foreach (var body in editorBodies)
        {
            Spec.AssertValid(Spec.RequestSchema("/api/v3/movie/editor", "PUT")!.Value, body);
        }
    }

    [Fact]
    public async Task Creating_a_tag_sends_and_gets_a_tag_resource()
    {
        await client.SetTagsAsync([1], ["brand-new"], TagChange.Add, default);
        var sent = FakeAnswer.Parse(fake.Calls.Single(c => c.Method == "POST" && c.Path == "/api/v3/tag").Body);

        var answer = await FakeAnswer.SendAsync(fake, HttpMethod.Post, "/api/v3/tag", """{"label":"another"}""");

        Spec.AssertValid(Spec.RequestSchema("/api/v3/tag", "POST")!.Value, sent);
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Spec.AssertValid(Spec.ResponseSchema("/api/v3/tag", "POST", "200")!.Value, answer.RequiredBody);
    }

    [Fact]
    public async Task Deletes_use_documented_parameters_and_answer_200_without_a_body()
    {
        var fileId = (await client.ListMoviesAsync(default)).Single(m => m.Id == 2).MovieFileId!.Value;
        await client.DeleteMovieFileAsync(fileId, default);
        await client.DeleteMovieAsync(1, deleteFiles: true, addImportExclusion: true, default);

        var movieDelete = fake.Calls.Single(c => c.Path == "/api/v3/movie/1");
        var used = System.Web.HttpUtility.ParseQueryString(movieDelete.Query).AllKeys.OfType<string>().ToList();
        Assert.Equal(["deleteFiles", "addImportExclusion"], used);
        Assert.All(used, name => Assert.Contains(name, Spec.ParameterNames("/api/v3/movie/{id}", "DELETE")));
        Assert.Contains("200", Spec.ResponseStatuses("/api/v3/movie/{id}", "DELETE"));
        Assert.Contains("200", Spec.ResponseStatuses("/api/v3/moviefile/{id}", "DELETE"));

        var again = await FakeAnswer.SendAsync(fake, HttpMethod.Delete, "/api/v3/movie/3");
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Null(again.Body);
    }

    [Fact]
    public async Task The_check_is_strict_enough_to_catch_a_misspelt_or_mistyped_field()
    {
        var movie = (await FakeAnswer.SendAsync(fake, HttpMethod.Get, "/api/v3/movie/1")).RequiredBody.GetRawText();
        var misspelt = FakeAnswer.Parse(movie.Replace("\"sizeOnDisk\"", "\"sizeondisk\"", StringComparison.Ordinal));
        var mistyped = FakeAnswer.Parse(movie.Replace("\"hasFile\":true", "\"hasFile\":\"true\"", StringComparison.Ordinal));
        var schema = Spec.ResponseSchema("/api/v3/movie/{id}", "GET", "200")!.Value;

        Assert.Contains(Spec.Validate(schema, misspelt, rejectUnknownProperties: true), v => v.Path == "$.sizeondisk");
        Assert.Contains(Spec.Validate(schema, mistyped, rejectUnknownProperties: true), v => v.Path == "$.hasFile");
    }
}
