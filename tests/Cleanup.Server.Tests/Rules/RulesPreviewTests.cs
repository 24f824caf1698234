using System.Net;
using System.Text.Json.Nodes;
using Cleanup.Engine.Evaluation;
using Cleanup.Engine.Library;
using Cleanup.Engine.Ports;
using Cleanup.Engine.Sources;
using Cleanup.Testing.Azurite;
using Microsoft.Extensions.DependencyInjection;

namespace Cleanup.Server.Tests.Rules;

[Collection(AzuriteFixture.Collection)]
public sealed class RulesPreviewTests(AzuriteFixture azurite)
{
    // Default rules: movies 30 days after added (or last watched), 14 days leaving soon, 14 days grace.
    // The proposal: movies 10 days, and anything tagged "kids" kept forever.
    private const string Proposal = """
        {
          "movies": { "retention": "10d" },
          "rules": [
            { "type": "tag", "name": "Keep tag", "tags": ["keep"], "retention": "never" },
            { "type": "tag", "name": "Kids", "tags": ["kids"], "retention": "never" }
          ]
        }
        """;

    [Fact]
    public async Task Without_a_synced_library_the_preview_asks_for_a_sync()
    {
        await using var host = await RulesHost.StartAsync(azurite);

        var response = await host.SendAsync(HttpMethod.Post, "/api/rules/preview", Proposal);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", RulesHost.ContentType(response)?.MediaType);
        Assert.Contains("run a sync first", (string?)(await RulesHost.JsonAsync(response))["detail"]);
    }

    [Fact]
    public async Task The_preview_shows_what_would_enter_leave_and_be_deleted_and_saves_nothing()
    {
        await using var host = await RulesHost.StartAsync(azurite);
        var now = DateTimeOffset.UtcNow;
        var library = new UnifiedLibrary(
        [
            // Due in 10 days today: leaving soon under both.
            Movie("movie:tmdb:1", "Already leaving", now.AddDays(-20)),
            // Flagged 20 days ago and overdue: due now; the kids tag would keep it.
            Movie("movie:tmdb:2", "Kids film", now.AddDays(-100), tags: ["kids"]),
            // Due in 18 days: not yet shown; with 10 days it is due at once and enters leaving soon.
            Movie("movie:tmdb:3", "Newcomer", now.AddDays(-12)),
            // Long overdue under both: deleted either way.
            Movie("movie:tmdb:4", "Old film", now.AddDays(-200)),
        ]);
        var state = new EvaluationState
        {
            FlaggedAt = new Dictionary<string, DateTimeOffset> { ["movie:tmdb:2"] = now.AddDays(-20), ["movie:tmdb:4"] = now.AddDays(-30) },
        };
        await host.Host.Services.GetRequiredService<ILibrarySnapshotStore>().SaveAsync(library, state, default);

        var response = await host.SendAsync(HttpMethod.Post, "/api/rules/preview", Proposal);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var preview = await RulesHost.JsonAsync(response);
        var entering = Assert.Single(Items(preview, "entering"));
        Assert.Equal("movie:tmdb:3", (string?)entering["id"]);
        Assert.Equal("Newcomer", (string?)entering["title"]);
        Assert.Equal("movie", (string?)entering["mediaType"]);
        Assert.Equal(3_000_000_003, (long?)entering["sizeBytes"]);
        Assert.Equal("notDue", (string?)entering["before"]!["status"]);
        Assert.Equal("leavingSoon", (string?)entering["after"]!["status"]);
        Assert.NotNull((string?)entering["after"]!["deletionDate"]);

        var leaving = Assert.Single(Items(preview, "leaving"));
        Assert.Equal("movie:tmdb:2", (string?)leaving["id"]);
        Assert.Equal("due", (string?)leaving["before"]!["status"]);
        Assert.Equal("notDue", (string?)leaving["after"]!["status"]);
        Assert.Contains("Kids", (string?)leaving["after"]!["rule"]);

        var deleted = Assert.Single(Items(preview, "wouldDelete"));
        Assert.Equal("movie:tmdb:4", (string?)deleted["id"]);
        Assert.Equal("due", (string?)deleted["before"]!["status"]);
        Assert.Equal(3_000_000_004, (long?)preview["bytesWouldFree"]);
        Assert.Equal(["movie:tmdb:2"], Items(preview, "noLongerDue").Select(i => (string?)i["id"]));

        // Nothing was saved: the stored rules are still the defaults.
        var rules = await RulesHost.JsonAsync(await host.Client.GetAsync("/api/rules"));
        Assert.Equal("30d", (string?)rules["settings"]!["movies"]!["retention"]);
        Assert.Single(rules["rules"]!.AsArray());
    }

    [Fact]
    public async Task Invalid_proposed_rules_are_refused_with_errors_naming_their_fields()
    {
        await using var host = await RulesHost.StartAsync(azurite);
        await host.Host.Services.GetRequiredService<ILibrarySnapshotStore>().SaveAsync(UnifiedLibrary.Empty, null, default);

        var response = await host.SendAsync(
            HttpMethod.Post,
            "/api/rules/preview",
            """{ "rules": [ { "type": "tag", "tags": ["x"] }, { "type": "tag", "tags": ["y"], "retention": "5x" } ], "timeline": { "gracePeriod": "soon" } }""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await RulesHost.JsonAsync(response))["errors"]!.AsObject().Select(e => e.Key).ToList();
        Assert.Contains("rules[1].retention", errors);
        Assert.Contains("timeline.gracePeriod", errors);
        Assert.DoesNotContain("rules[0].retention", errors);
    }

    private static IEnumerable<JsonObject> Items(JsonObject preview, string list) => preview[list]!.AsArray().Select(i => i!.AsObject());

    private static LibraryItem Movie(string id, string title, DateTimeOffset added, string[]? tags = null) => new()
    {
        Id = id,
        Type = MediaType.Movie,
        Title = title,
        Sources = [new SourceRef(ServiceKind.Radarr, "radarr", id[^1..])],
        Added = added,
        Tags = tags ?? [],
        SizeBytes = 3_000_000_000 + int.Parse(id[^1..]),
    };
}
