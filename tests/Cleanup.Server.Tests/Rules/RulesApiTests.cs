using System.Net;
using System.Text.Json.Nodes;
using Cleanup.Testing.Azurite;

namespace Cleanup.Server.Tests.Rules;

[Collection(AzuriteFixture.Collection)]
public sealed class RulesApiTests(AzuriteFixture azurite)
{
    private const string KidsRule = """{ "type": "tag", "name": "Kids", "tags": ["kids"], "retention": "180d" }""";

    [Fact]
    public async Task A_new_installation_lists_the_default_rules_with_ids_and_etags()
    {
        await using var host = await RulesHost.StartAsync(azurite);

        var response = await host.Client.GetAsync("/api/rules");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await RulesHost.JsonAsync(response);
        var rule = Assert.Single(body["rules"]!.AsArray())!.AsObject();
        Assert.Equal("seed-1", (string?)rule["id"]);
        Assert.Equal("tag", (string?)rule["type"]);
        Assert.False(string.IsNullOrEmpty((string?)rule["etag"]));
        Assert.Equal("30d", (string?)body["settings"]!["movies"]!["retention"]);
        Assert.False(string.IsNullOrEmpty((string?)body["settings"]!["etag"]));
    }

    [Fact]
    public async Task The_first_rules_come_from_the_Rules_configuration_section()
    {
        await using var host = await RulesHost.StartAsync(azurite, new Dictionary<string, string?>
        {
            ["Rules:Movies:Retention"] = "45d",
            ["Rules:Movies:RequireWatched"] = "true",
            ["Rules:Rules:0:Type"] = "requester",
            ["Rules:Rules:0:Name"] = "1984",
            ["Rules:Rules:0:Users:0"] = "true",
            ["Rules:Rules:0:Retention"] = "60",
            ["Rules:Rules:1:Type"] = "episode",
            ["Rules:Rules:1:KeepLatestEpisodes"] = "3",
            ["Rules:Timeline:GracePeriod"] = "3d",
        });

        var body = await RulesHost.JsonAsync(await host.Client.GetAsync("/api/rules"));

        var settings = body["settings"]!;
        Assert.Equal("45d", (string?)settings["movies"]!["retention"]);
        Assert.True((bool?)settings["movies"]!["requireWatched"]);
        Assert.Equal("3d", (string?)settings["timeline"]!["gracePeriod"]);
        var rules = body["rules"]!.AsArray();
        Assert.Equal(2, rules.Count);
        // Names and users stay text even when they look like numbers or booleans.
        Assert.Equal("1984", (string?)rules[0]!["name"]);
        Assert.Equal("true", (string?)rules[0]!["users"]![0]);
        Assert.Equal("60d", (string?)rules[0]!["retention"]);
        Assert.Equal(3, (int?)rules[1]!["keepLatestEpisodes"]);
    }

    [Fact]
    public async Task An_invalid_Rules_section_stops_the_start_naming_the_setting()
    {
        var error = await Assert.ThrowsAsync<StartupException>(() => RulesHost.StartAsync(azurite, new Dictionary<string, string?>
        {
            ["Rules:Movies:Retention"] = "45x",
        }));

        Assert.Contains("Rules:movies:retention", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_rule_is_added_changed_and_deleted_with_etags()
    {
        await using var host = await RulesHost.StartAsync(azurite);

        var created = await host.SendAsync(HttpMethod.Post, "/api/rules", KidsRule);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var rule = await RulesHost.JsonAsync(created);
        var id = (string)rule["id"]!;
        var etag = RulesHost.ETag(created);
        Assert.Equal($"/api/rules/{id}", created.Headers.Location?.OriginalString);
        Assert.Equal((string?)rule["etag"], etag);

        var read = await host.Client.GetAsync($"/api/rules/{id}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(etag, RulesHost.ETag(read));
        Assert.Equal("180d", (string?)(await RulesHost.JsonAsync(read))["retention"]);

        // The client sends back what it read, edited (id and etag included).
        rule["retention"] = "90d";
        var updated = await host.SendAsync(HttpMethod.Put, $"/api/rules/{id}", rule.ToJsonString(), etag);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var newEtag = RulesHost.ETag(updated);
        Assert.NotEqual(etag, newEtag);
        Assert.Equal("90d", (string?)(await RulesHost.JsonAsync(await host.Client.GetAsync($"/api/rules/{id}")))["retention"]);

        var list = await RulesHost.JsonAsync(await host.Client.GetAsync("/api/rules"));
        Assert.Equal(["seed-1", id], list["rules"]!.AsArray().Select(r => (string?)r!["id"]));

        var deleted = await host.SendAsync(HttpMethod.Delete, $"/api/rules/{id}", ifMatch: newEtag);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync($"/api/rules/{id}")).StatusCode);
    }

    [Fact]
    public async Task Writes_without_if_match_are_refused_and_stale_etags_lose()
    {
        await using var host = await RulesHost.StartAsync(azurite);
        var created = await host.SendAsync(HttpMethod.Post, "/api/rules", KidsRule);
        var id = (string)(await RulesHost.JsonAsync(created))["id"]!;
        var stale = RulesHost.ETag(created)!;
        var fresh = await host.SendAsync(HttpMethod.Put, $"/api/rules/{id}", KidsRule.Replace("180d", "7d"), stale);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);

        var noIfMatch = await host.SendAsync(HttpMethod.Put, $"/api/rules/{id}", KidsRule);
        Assert.Equal(HttpStatusCode.PreconditionRequired, noIfMatch.StatusCode);
        Assert.Equal("application/problem+json", RulesHost.ContentType(noIfMatch)?.MediaType);
        Assert.Equal(HttpStatusCode.PreconditionRequired, (await host.SendAsync(HttpMethod.Delete, $"/api/rules/{id}")).StatusCode);

        var lost = await host.SendAsync(HttpMethod.Put, $"/api/rules/{id}", KidsRule.Replace("180d", "1d"), stale);
        Assert.Equal(HttpStatusCode.PreconditionFailed, lost.StatusCode);
        Assert.Contains("changed by someone else", (string?)(await RulesHost.JsonAsync(lost))["detail"]);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await host.SendAsync(HttpMethod.Delete, $"/api/rules/{id}", ifMatch: stale)).StatusCode);

        // Nothing the losers sent was stored.
        Assert.Equal("7d", (string?)(await RulesHost.JsonAsync(await host.Client.GetAsync($"/api/rules/{id}")))["retention"]);
    }

    [Fact]
    public async Task Unknown_rules_are_404()
    {
        await using var host = await RulesHost.StartAsync(azurite);

        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync("/api/rules/nope")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.SendAsync(HttpMethod.Put, "/api/rules/nope", KidsRule, "*")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.SendAsync(HttpMethod.Delete, "/api/rules/nope", ifMatch: "*")).StatusCode);
    }

    [Fact]
    public async Task An_invalid_rule_is_refused_with_errors_naming_its_fields()
    {
        await using var host = await RulesHost.StartAsync(azurite);

        var response = await host.SendAsync(HttpMethod.Post, "/api/rules", """{ "type": "tag", "tags": [], "retention": "5x" }""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await RulesHost.JsonAsync(response))["errors"]!.AsObject();
        Assert.Contains("retention", errors.Select(e => e.Key));
        Assert.Contains("tags", errors.Select(e => e.Key));
        Assert.Contains("unknown unit", (string?)errors["retention"]![0]);

        var wrongType = await host.SendAsync(HttpMethod.Post, "/api/rules", """{ "type": "sometimes" }""");
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.Contains("type", (await RulesHost.JsonAsync(wrongType))["errors"]!.AsObject().Select(e => e.Key));

        Assert.Single((await RulesHost.JsonAsync(await host.Client.GetAsync("/api/rules")))["rules"]!.AsArray());
    }

    [Theory]
    [InlineData("/api/rules", "POST", "{ \"type\": \"tag\", ", "not valid JSON")]
    [InlineData("/api/rules", "POST", "[1, 2]", "JSON object")]
    [InlineData("/api/rules/seed-1", "PUT", "{ nope }", "not valid JSON")]
    [InlineData("/api/rules/settings", "PUT", "", "not valid JSON")]
    [InlineData("/api/rules/preview", "POST", "\"rules\"", "JSON object")]
    public async Task A_malformed_body_is_a_400_problem_naming_what_is_wrong(string path, string method, string body, string title)
    {
        await using var host = await RulesHost.StartAsync(azurite);

        var response = await host.SendAsync(new HttpMethod(method), path, body, "*");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", RulesHost.ContentType(response)?.MediaType);
        Assert.Contains(title, (string?)(await RulesHost.JsonAsync(response))["title"]);
    }

    [Fact]
    public async Task Settings_are_replaced_with_their_etag_and_validated()
    {
        await using var host = await RulesHost.StartAsync(azurite);
        var read = await host.Client.GetAsync("/api/rules/settings");
        var etag = RulesHost.ETag(read)!;
        var settings = await RulesHost.JsonAsync(read);
        Assert.Equal(etag, (string?)settings["etag"]);

        settings["diskSpace"] = new JsonObject { ["enabled"] = true, ["minimumFreeGb"] = 500 };
        var replaced = await host.SendAsync(HttpMethod.Put, "/api/rules/settings", settings.ToJsonString(), etag);
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal(500, (double?)(await RulesHost.JsonAsync(await host.Client.GetAsync("/api/rules")))["settings"]!["diskSpace"]!["minimumFreeGb"]);

        Assert.Equal(HttpStatusCode.PreconditionFailed, (await host.SendAsync(HttpMethod.Put, "/api/rules/settings", settings.ToJsonString(), etag)).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionRequired, (await host.SendAsync(HttpMethod.Put, "/api/rules/settings", settings.ToJsonString())).StatusCode);

        settings["timeline"] = new JsonObject { ["gracePeriod"] = "never" };
        var invalid = await host.SendAsync(HttpMethod.Put, "/api/rules/settings", settings.ToJsonString(), RulesHost.ETag(replaced));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("timeline.gracePeriod", (await RulesHost.JsonAsync(invalid))["errors"]!.AsObject().Select(e => e.Key));
    }
}
