using System.Reflection;
using System.Text.Json;
using Cleanup.Engine.Sources;
using Cleanup.Integrations.Plex;

namespace Cleanup.Integrations.Tests.Plex;

public sealed class PlexParsingTests
{
    private static readonly JsonSerializerOptions Json = (JsonSerializerOptions)typeof(PlexClient)
        .GetField("Json", BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;

    private readonly DataIssueLog issues = new("plex", ServiceKind.Plex, TimeProvider.System);

    [Fact]
    public void Reads_guid_and_Guid_side_by_side_and_keys_as_strings_or_numbers()
    {
        var json = """
            {"MediaContainer":{"size":"1","totalSize":1,"Metadata":[
              {"ratingKey":150,"guid":"plex://movie/5d77","type":"movie","title":"X","year":"1999","addedAt":"1348327790",
               "Guid":[{"id":"imdb://tt0133093"},{"id":"tmdb://603"},{"id":"tvdb://abc"},{"id":"local://9"}],
               "Media":[{"Part":[{"size":"100","file":"/a.mkv"},{"size":50}]},{"Part":[{"file":"/b.mkv"}]}]}]}}
            """;
        var metadata = JsonSerializer.Deserialize<PlexEnvelope>(json, Json)!.MediaContainer!.Metadata![0];
        var item = PlexItemMapping.ToItem("plex", metadata, issues)!;

        Assert.Equal("150", item.ItemId);
        Assert.Equal(new ProviderIds(603, "tt0133093", null), item.Ids);
        Assert.Equal(150, item.Size);
        Assert.Equal(1999, item.Year);
        Assert.Equal("/a.mkv", item.Path);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1348327790), item.DateCreated);
        Assert.Equal("Guid.tvdb", Assert.Single(issues.Snapshot()).Field);
    }
}
