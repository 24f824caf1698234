using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cleanup.Testing.Azurite;

namespace Cleanup.Server.Tests.EndToEnd;

[Collection(AzuriteFixture.Collection)]
public sealed class DemoModeTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Demo_mode_syncs_on_start_so_the_dashboard_shows_leaving_soon_at_once()
    {
        await using var host = await SelfHost.StartAsync(["--urls", "http://127.0.0.1:0"], new Dictionary<string, string?>
        {
            ["Cleanup:Demo"] = "true",
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:TablePrefix"] = azurite.NewTablePrefix(),
            ["Logging:LogLevel:Default"] = "Warning",
        });
        using var client = new HttpClient { BaseAddress = new Uri(host.Url) };

        // Nobody triggered it: the first full sync is already running or done.
        var job = Assert.Single((await client.GetFromJsonAsync<JsonArray>("/api/jobs"))!);
        Assert.Equal(("FullSync", "schedule"), ((string?)job!["kind"], (string?)job["trigger"]));
        for (var i = 0; i < 600 && !(bool)(await client.GetFromJsonAsync<JsonObject>($"/api/jobs/{job["id"]}"))!["isFinished"]!; i++)
        {
            await Task.Delay(50);
        }

        var ids = (await client.GetFromJsonAsync<JsonObject>("/api/media/leaving-soon"))!["items"]!.AsArray().Select(i => (string)i!["id"]!).ToList();
        // Default rules: movies 30 days after added or last watched, 14 days leaving soon; watch data from Jellyfin.
        Assert.Contains("movie:tmdb:329865", ids); // Arrival, last watched 26 days ago: due in 4 days
        Assert.Contains("movie:tmdb:27205", ids); // Inception, last watched 18 days ago
        Assert.DoesNotContain("movie:tmdb:603", ids); // The Matrix, last watched 15 days ago: enters tomorrow
        Assert.DoesNotContain("movie:tmdb:157336", ids); // Interstellar is tagged "keep"
        Assert.DoesNotContain("movie:tmdb:438631", ids); // Dune was requested 4 days ago
        Assert.DoesNotContain("movie:tmdb:496243", ids); // Parasite is in progress
        Assert.DoesNotContain("movie:tmdb:120467", ids); // The Grand Budapest Hotel is a favorite
    }
}
