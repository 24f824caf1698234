using System.Net;
using System.Text.Json;
using Cleanup.Engine.Sources;
using Cleanup.Fakes.Library;
using Cleanup.Fakes.Seerr;
using Cleanup.Integrations.Seerr;
using Cleanup.Integrations.Tests.Common;

namespace Cleanup.Integrations.Tests.Contracts;

/// <summary>
/// What FakeSeerr serves as Jellyseerr and as Overseerr, checked against each one's YAML document. The YAML
/// under-describes the real answers (no additionalProperties: false, fields missing), so unknown properties are
/// allowed; where the real server contradicts the document, the difference is listed and asserted exactly.
/// </summary>
public sealed class SeerrContractTests
{
    public static TheoryData<ServiceKind, string> Flavours => new()
    {
        { ServiceKind.Jellyseerr, "jellyseerr-api.yml" },
        { ServiceKind.Overseerr, "overseerr-api.yml" },
    };

    /// <summary>
    /// Real servers send TypeORM's nulls: a Jellyfin user (Jellyseerr) has no username or plexUsername, a Plex user
    /// (Overseerr) no username. The documents type both as plain strings.
    /// </summary>
    private static IReadOnlyList<string> NullUserNames(ServiceKind kind) =>
        kind == ServiceKind.Jellyseerr ? ["plexUsername", "username"] : ["username"];

    [Theory]
    [MemberData(nameof(Flavours))]
    public async Task Request_pages_match_the_document_apart_from_null_user_names(ServiceKind kind, string document)
    {
        var spec = OpenApiDocument.Load(document);
        await using var fake = await Start(kind);

        var answer = await FakeAnswer.SendAsync(fake, HttpMethod.Get, "/api/v1/request?take=2&skip=0&filter=all&sort=added&sortDirection=asc");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var violations = spec.Validate(spec.ResponseSchema("/request", "GET", "200")!.Value, answer.RequiredBody);
        Assert.Equal(
            NullUserNames(kind).Select(n => $"$.results[*].requestedBy.{n}").Order(),
            violations.Select(v => v.Pattern).Distinct().Order());
        Assert.All(violations, v => Assert.Contains("not nullable", v.Message));
        Assert.Equal(2, answer.RequiredBody.GetProperty("results").GetArrayLength());
    }

    [Theory]
    [MemberData(nameof(Flavours))]
    public async Task User_pages_match_the_document_apart_from_null_user_names(ServiceKind kind, string document)
    {
        var spec = OpenApiDocument.Load(document);
        await using var fake = await Start(kind);

        var answer = await FakeAnswer.SendAsync(fake, HttpMethod.Get, "/api/v1/user?take=2&skip=2&sort=created");

        var violations = spec.Validate(spec.ResponseSchema("/user", "GET", "200")!.Value, answer.RequiredBody);
        Assert.Equal(NullUserNames(kind).Select(n => $"$.results[*].{n}").Order(), violations.Select(v => v.Pattern).Distinct().Order());
        Assert.Equal(1, answer.RequiredBody.GetProperty("results").GetArrayLength()); // 3 users, skip 2
    }

    [Theory]
    [MemberData(nameof(Flavours))]
    public async Task Status_matches_the_document_and_needs_no_key(ServiceKind kind, string document)
    {
        var spec = OpenApiDocument.Load(document);
        await using var fake = await Start(kind);
        using var http = new HttpClient();

        using var response = await http.GetAsync(fake.BaseUrl + "/api/v1/status");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(spec.Validate(spec.ResponseSchema("/status", "GET", "200")!.Value, body.RootElement));
        Assert.Equal(0, spec.Operation("/status", "GET").GetProperty("security").GetArrayLength()); // documented as public
    }

    [Theory]
    [MemberData(nameof(Flavours))]
    public async Task Deleting_media_answers_204_then_404_which_the_document_does_not_list(ServiceKind kind, string document)
    {
        var spec = OpenApiDocument.Load(document);
        await using var fake = await Start(kind);

        var first = await FakeAnswer.SendAsync(fake, HttpMethod.Delete, "/api/v1/media/2");
        var second = await FakeAnswer.SendAsync(fake, HttpMethod.Delete, "/api/v1/media/2");

        Assert.Equal(["204"], spec.ResponseStatuses("/media/{mediaId}", "DELETE"));
        Assert.Equal((HttpStatusCode.NoContent, (JsonElement?)null), (first.Status, first.Body));
        // Documented difference (API-NOTES): a media id that is gone answers 404; the client treats it as done.
        Assert.Equal(HttpStatusCode.NotFound, second.Status);
    }

    [Theory]
    [MemberData(nameof(Flavours))]
    public async Task The_client_only_sends_documented_query_parameters_except_sort_direction_on_overseerr(ServiceKind kind, string document)
    {
        var spec = OpenApiDocument.Load(document);
        await using var fake = await Start(kind);
        using var client = SeerrClient.Create(kind, TestServices.Options(fake, o => o.PageSize = 2));
        fake.RecordReads = true;

        Assert.Equal(4, (await client.ListRequestsAsync(default)).Count);
        Assert.Equal(3, (await client.ListUsersAsync(default)).Count);

        var sent = fake.Calls
            .GroupBy(c => c.Path)
            .ToDictionary(g => g.Key, g => g.SelectMany(c => System.Web.HttpUtility.ParseQueryString(c.Query).AllKeys).Distinct().Order().ToList());
        Assert.Equal(["filter", "skip", "sort", "sortDirection", "take"], sent["/api/v1/request"]);
        Assert.Equal(["skip", "sort", "take"], sent["/api/v1/user"]);
        Assert.Equal(2, fake.Calls.Count(c => c.Path == "/api/v1/request"));

        var undocumented = sent["/api/v1/request"].Except(spec.ParameterNames("/request", "GET")).ToList();
        Assert.Empty(sent["/api/v1/user"].Except(spec.ParameterNames("/user", "GET")));

        // Overseerr's document has no sortDirection: Overseerr ignores it and sorts newest first, which the paging
        // check tolerates (rows are de-duplicated by id and the total must add up).
        Assert.Equal(kind == ServiceKind.Jellyseerr ? [] : ["sortDirection"], undocumented);
    }

    private static async Task<FakeSeerr> Start(ServiceKind kind) =>
        await TestServices.StartAsync(new FakeSeerr(TestLibraries.Requests(4), TestServices.ApiKey, kind));
}
