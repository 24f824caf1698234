using System.Text.Json;
using Cleanup.Engine.Sources;
using Cleanup.Integrations.Jellyfin;
using Cleanup.Integrations.Json;

namespace Cleanup.Integrations.Tests.Jellyfin;

/// <summary>Odd but real-world shapes of <c>/Items</c> answers map without crashing, and what is odd is visible.</summary>
public sealed class JellyfinParsingTests
{
    private static readonly JsonSerializerOptions Json = LenientJson.Options(null);
    private readonly DataIssueLog issues = new("jf", ServiceKind.Jellyfin, TimeProvider.System);

    private static JellyfinItemDto Parse(string json) => JsonSerializer.Deserialize<JellyfinItemDto>(json, Json)!;

    [Fact]
    public void Missing_optional_fields_give_nulls()
    {
        var item = JellyfinItemMapping.ToItem("jf", Parse("""{"Id":"0123456789abcdef0123456789abcdef","Name":"Bare","Type":"Movie"}"""), issues)!;
        Assert.Equal(new ProviderIds(null, null, null), item.Ids);
        Assert.Null(item.Size);
        Assert.Null(item.DateCreated);
        Assert.Null(item.Year);
        Assert.Null(item.Path);
        Assert.Empty(issues.Snapshot());
    }

    [Fact]
    public void Numbers_sent_as_strings_and_ids_sent_as_numbers_are_read()
    {
        var dto = Parse("""
            {"Id":12345,"Name":"Odd","Type":"Episode","SeriesId":678,"ProductionYear":"2019","IndexNumber":"3","ParentIndexNumber":2,
             "ProviderIds":{"tmdb":"603","IMDB":" tt0133093 ","Tvdb":""},
             "MediaSources":[{"Size":"1000"},{"Size":500},{"Path":"/x"}]}
            """);
        var item = JellyfinItemMapping.ToItem("jf", dto, issues)!;
        Assert.Equal("12345", item.ItemId);
        Assert.Equal("678", item.SeriesId);
        Assert.Equal(2019, item.Year);
        Assert.Equal(2, item.SeasonNumber);
        Assert.Equal(3, item.EpisodeNumber);
        Assert.Equal(new ProviderIds(603, "tt0133093", null), item.Ids);
        Assert.Equal(1500, item.Size);
    }

    [Fact]
    public void Unusable_values_become_null_and_are_reported()
    {
        var dto = Parse("""
            {"Id":"a","Name":"Broken","Type":"Movie","ProductionYear":1,"DateCreated":"not a date",
             "ProviderIds":{"Tmdb":"tt123","Tvdb":"-4"}}
            """);
        var item = JellyfinItemMapping.ToItem("jf", dto, issues)!;
        Assert.Null(item.Year);
        Assert.Null(item.DateCreated);
        Assert.Null(item.Ids.Tmdb);
        Assert.Null(item.Ids.Tvdb);
        Assert.Equal(["DateCreated", "ProductionYear", "ProviderIds.Tmdb", "ProviderIds.Tvdb"], issues.Snapshot().Select(i => i.Field).Order());
    }

    [Theory]
    [InlineData("0001-01-01T00:00:00.0000000Z", true)]
    [InlineData("1970-01-01T00:00:00Z", true)]
    [InlineData("2999-12-31T00:00:00.0000000Z", true)]
    [InlineData("2024-05-01T10:20:30.0000000Z", false)]
    [InlineData("2024-05-01T10:20:30", false)]
    public void Placeholder_and_future_dates_are_unknown_not_now(string text, bool odd)
    {
        var date = issues.ParseIso(text, "x", "DateCreated");
        if (odd)
        {
            Assert.Null(date);
            Assert.Single(issues.Snapshot());
        }
        else
        {
            Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 20, 30, TimeSpan.Zero), date);
            Assert.Empty(issues.Snapshot());
        }
    }

    [Fact]
    public void Items_without_an_id_are_skipped_visibly_and_unknown_types_quietly()
    {
        Assert.Null(JellyfinItemMapping.ToItem("jf", Parse("""{"Name":"No id","Type":"Movie"}"""), issues));
        Assert.Null(JellyfinItemMapping.ToItem("jf", Parse("""{"Id":"b","Name":"Folder","Type":"CollectionFolder"}"""), issues));
        Assert.Single(issues.Snapshot());
    }
}
