using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Cleanup.Fakes.Jellyfin;
using Cleanup.Fakes.Library;

namespace Cleanup.Integrations.Tests.Jellyfin;

/// <summary>The fake answers in Jellyfin's real shapes (shared/specs/API-NOTES.md), so clients tested on it work on the real thing.</summary>
public sealed class FakeJellyfinTests : IAsyncLifetime
{
    private const string Key = "fake-jf-key";
    private readonly FakeJellyfin fake = new(FakeLibraries.Demo(TimeProvider.System), Key);
    private readonly HttpClient http = new();

    public async Task InitializeAsync() => await fake.StartAsync();

    public async Task DisposeAsync()
    {
        http.Dispose();
        await fake.DisposeAsync();
    }

    private async Task<(HttpStatusCode Status, JsonElement Json)> Get(string path, bool authorized = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, fake.BaseUrl + path);
        if (authorized)
        {
            request.Headers.TryAddWithoutValidation("Authorization", $"MediaBrowser Token=\"{Key}\"");
        }

        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone());
    }

    [Fact]
    public async Task Public_info_needs_no_key_but_everything_else_does()
    {
        Assert.Equal(HttpStatusCode.OK, (await Get("/System/Info/Public", authorized: false)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Get("/Users", authorized: false)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Get("/Items", authorized: false)).Status);
    }

    [Fact]
    public async Task Items_are_pascal_case_with_n_format_ids_jellyfin_dates_and_no_nulls()
    {
        var (_, json) = await Get("/Items?recursive=true&includeItemTypes=Movie&fields=DateCreated,ProviderIds,MediaSources&startIndex=2&limit=3");
        Assert.Equal(12, json.GetProperty("TotalRecordCount").GetInt32());
        Assert.Equal(2, json.GetProperty("StartIndex").GetInt32());
        var items = json.GetProperty("Items").EnumerateArray().ToList();
        Assert.Equal(3, items.Count);
        foreach (var item in items)
        {
            Assert.Matches("^[0-9a-f]{32}$", item.GetProperty("Id").GetString());
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$", item.GetProperty("DateCreated").GetString());
            Assert.Equal(JsonValueKind.String, item.GetProperty("ProviderIds").GetProperty("Tmdb").ValueKind);
            Assert.True(item.GetProperty("MediaSources")[0].GetProperty("Size").GetInt64() > 0);
            Assert.False(item.TryGetProperty("UserData", out _));
            Assert.False(item.TryGetProperty("SeriesId", out _)); // omitted, not null
            Assert.DoesNotContain(item.EnumerateObject(), p => p.Value.ValueKind == JsonValueKind.Null);
        }
    }

    [Fact]
    public async Task User_data_only_comes_with_a_user_id_and_fields_only_when_asked()
    {
        var (_, json) = await Get($"/Items?recursive=true&includeItemTypes=Movie&userId={FakeJellyfin.UserId("alice")}&limit=1");
        var item = json.GetProperty("Items")[0];
        Assert.True(item.TryGetProperty("UserData", out var data));
        Assert.Equal(JsonValueKind.False, data.GetProperty("IsFavorite").ValueKind);
        Assert.False(item.TryGetProperty("Path", out _));
        Assert.False(item.TryGetProperty("DateCreated", out _));
    }

    [Fact]
    public async Task Actions_answer_204()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, fake.BaseUrl + "/Library/Refresh");
        request.Headers.Authorization = new AuthenticationHeaderValue("MediaBrowser", $"Token=\"{Key}\"");
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }
}
