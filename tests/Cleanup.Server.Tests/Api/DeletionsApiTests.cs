using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cleanup.Engine.Deletion;
using Cleanup.Engine.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace Cleanup.Server.Tests.Api;

public sealed class DeletionsApiTests
{
    private static readonly DateTimeOffset At = new(2026, 5, 1, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Pages_newest_first_with_totals_over_the_whole_audit()
    {
        await using var host = await ApiHost.StartAsync();
        var audit = host.Services.GetRequiredService<IAuditLog>();
        for (var i = 0; i < 5; i++)
        {
            await audit.RecordAsync(Entry(i, i % 2 == 0 ? AuditOutcome.Deleted : AuditOutcome.WouldDelete), default);
        }

        var page = await host.Client.GetFromJsonAsync<JsonElement>("/api/deletions?page=2&pageSize=2");

        Assert.Equal(2, page.GetProperty("page").GetInt32());
        Assert.Equal(2, page.GetProperty("pageSize").GetInt32());
        Assert.Equal(5, page.GetProperty("total").GetInt32());
        Assert.Equal(0 + 200 + 400, page.GetProperty("reclaimedBytes").GetInt64());
        Assert.Equal(100 + 300, page.GetProperty("wouldReclaimBytes").GetInt64());
        Assert.Equal(["item-2", "item-1"], page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("itemId").GetString()));
        var line = page.GetProperty("items")[0];
        Assert.Equal("deleted", line.GetProperty("outcome").GetString());
        Assert.Equal("movie", line.GetProperty("mediaType").GetString());
        Assert.Equal("Delete", line.GetProperty("action").GetString());
        Assert.Equal("schedule", line.GetProperty("actor").GetString());
        Assert.False(line.GetProperty("dryRun").GetBoolean());
        Assert.Equal(["not watched"], line.GetProperty("trace").EnumerateArray().Select(t => t.GetString()));
    }

    [Theory]
    [InlineData("page=0")]
    [InlineData("pageSize=501")]
    [InlineData("page=abc")]
    public async Task Bad_paging_is_400_naming_the_parameter(string query)
    {
        await using var host = await ApiHost.StartAsync();

        using var response = await host.Client.GetAsync($"/api/deletions?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(query.Split('=')[0], out _));
    }

    private static AuditEntry Entry(int i, AuditOutcome outcome) =>
        new($"run:item-{i}", "run", $"item-{i}", $"Movie {i}", DeletionMediaType.Movie, i * 100, "rule", DeletionAction.Delete,
            outcome == AuditOutcome.WouldDelete, "schedule", At.AddMinutes(i), outcome, null, ["not watched"]);
}
