using Cleanup.Storage.Tables;
using Cleanup.Testing.Azurite;

namespace Cleanup.Storage.Tests.Tables;

[Collection(AzuriteFixture.Collection)]
public sealed class TableKeyTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData("O'Brien's – Amélie 東京", "it''s '' quoted")]
    [InlineData("'", "''")]
    [InlineData("spaces and + plus & amp = eq % pct", "emoji 🎬 and ümlaut")]
    [InlineData("", "empty partition key")]
    [InlineData("(PartitionKey='x',RowKey='y')", "parens, commas; semicolons")]
    public async Task Keys_with_quotes_and_non_ascii_characters_round_trip(string partitionKey, string rowKey)
    {
        var table = azurite.CreateAccount().GetTableClient(azurite.NewTablePrefix() + "Keys");
        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new TableEntity("other", "neighbour"));

        var etag = await table.AddEntityAsync(new TableEntity(partitionKey, rowKey) { ["Name"] = rowKey });

        var got = await table.GetEntityAsync(partitionKey, rowKey);
        Assert.NotNull(got);
        Assert.Equal((partitionKey, rowKey), (got.PartitionKey, got.RowKey));
        Assert.Equal(rowKey, got["Name"]);

        var queried = Assert.Single(await table.QueryAsync(TableFilter.Create($"PartitionKey eq {partitionKey} and RowKey eq {rowKey}")).ToListAsync());
        Assert.Equal((partitionKey, rowKey), (queried.PartitionKey, queried.RowKey));

        var updated = await table.UpdateEntityAsync(new TableEntity(partitionKey, rowKey) { ["Name"] = "updated" }, etag);
        Assert.True(await table.DeleteEntityAsync(partitionKey, rowKey, updated));
        Assert.Null(await table.GetEntityAsync(partitionKey, rowKey));
        Assert.Equal("neighbour", Assert.Single(await table.QueryAsync().ToListAsync()).RowKey);
    }

    [Theory]
    [InlineData("a/b", "'/'")]
    [InlineData("a\\b", "'\\'")]
    [InlineData("a#b", "'#'")]
    [InlineData("a?b", "'?'")]
    [InlineData("tab\there", "\\u0009")]
    [InlineData("nul\0", "\\u0000")]
    [InlineData("c1\u0085", "\\u0085")]
    public async Task Forbidden_key_characters_are_refused_before_sending_with_a_message_naming_the_key(string key, string shown)
    {
        var account = azurite.CreateAccount(RequestLog.Options(out var log));
        var table = account.GetTableClient(azurite.NewTablePrefix());

        var asPartition = await Assert.ThrowsAsync<ArgumentException>(() => table.AddEntityAsync(new TableEntity(key, "r")));
        var asRow = await Assert.ThrowsAsync<ArgumentException>(() => table.GetEntityAsync("p", key));
        await Assert.ThrowsAsync<ArgumentException>(() => table.DeleteEntityAsync(key, "r"));

        Assert.Contains("PartitionKey", asPartition.Message);
        Assert.Contains("RowKey", asRow.Message);
        Assert.Contains(shown, asPartition.Message);
        Assert.Equal(0, log.Count);
    }

    [Fact]
    public void A_key_with_an_unpaired_surrogate_is_refused()
    {
        // Built in code: xunit would replace a lone surrogate in [InlineData] with U+FFFD.
        var key = "half " + '\uD83C';

        var error = Assert.Throws<ArgumentException>(() => TableKey.Validate(key, "PartitionKey"));

        Assert.Contains("PartitionKey", error.Message);
        Assert.Contains("unpaired surrogate", error.Message);
    }

    [Fact]
    public void Keys_in_urls_double_their_quotes_then_are_percent_encoded()
    {
        Assert.Equal("O%27%27Brien%20%E2%80%93", TableKey.Escape("O'Brien –"));
        Assert.Equal("/Jobs(PartitionKey='a%27%27b',RowKey='%E6%9D%B1')", TableKey.EntityPath("Jobs", "a'b", "東"));
    }

    [Fact]
    public void Keys_longer_than_one_kibibyte_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => TableKey.Validate(new string('k', 513), "RowKey"));

        Assert.Contains("RowKey", error.Message);
        Assert.Contains("512", error.Message);
        TableKey.Validate(new string('k', 512), "RowKey");
    }
}
