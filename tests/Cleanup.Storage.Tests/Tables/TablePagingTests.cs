using Cleanup.Storage.Tables;
using Cleanup.Testing.Azurite;

namespace Cleanup.Storage.Tests.Tables;

[Collection(AzuriteFixture.Collection)]
public sealed class TablePagingTests(AzuriteFixture azurite)
{
    private async Task<TableClient> TableWithEntitiesAsync(TableClient table, int partitions, int perPartition)
    {
        await table.CreateIfNotExistsAsync();
        for (var p = 0; p < partitions; p++)
        {
            foreach (var chunk in Enumerable.Range(0, perPartition).Chunk(100))
            {
                await table.SubmitTransactionAsync(chunk.Select(i => new TableTransactionAction(
                    TableTransactionActionType.Add,
                    new TableEntity($"p{p}", $"r{i:D5}") { ["N"] = (p * perPartition) + i })));
            }
        }

        return table;
    }

    [Fact]
    public async Task A_query_over_more_than_a_thousand_entities_follows_continuations_and_returns_each_once()
    {
        var account = azurite.CreateAccount(RequestLog.Options(out var log));
        var table = await TableWithEntitiesAsync(account.GetTableClient(azurite.NewTablePrefix() + "Paging"), partitions: 3, perPartition: 450);
        var before = log.Count;

        var all = await table.QueryAsync().ToListAsync();

        var queries = log.Requests.Skip(before).ToList();
        Assert.True(queries.Count > 1, $"expected several pages, got {queries.Count} request(s)");
        Assert.Contains(queries, q => q.Contains("NextPartitionKey=", StringComparison.Ordinal));
        Assert.Equal(1350, all.Count);
        Assert.Equal(Enumerable.Range(0, 1350), all.Select(e => e.GetInt32("N")!.Value).Order());
        Assert.Equal(1350, all.Select(e => (e.PartitionKey, e.RowKey)).Distinct().Count());
    }

    [Fact]
    public async Task Small_pages_with_a_filter_and_select_still_return_everything()
    {
        var account = azurite.CreateAccount(RequestLog.Options(out var log));
        var table = await TableWithEntitiesAsync(account.GetTableClient(azurite.NewTablePrefix() + "Pages"), partitions: 2, perPartition: 250);
        var before = log.Count;

        var second = await table.QueryAsync(TableFilter.Create($"PartitionKey eq {"p1"}"), select: ["N"], maxPerPage: 40).ToListAsync();

        Assert.Equal(Enumerable.Range(250, 250), second.Select(e => e.GetInt32("N")!.Value));
        Assert.All(second, e => Assert.Equal("p1", e.PartitionKey));
        Assert.True(log.Count - before >= 7, $"expected at least 7 pages of 40, got {log.Count - before}");
    }

    [Fact]
    public async Task Pages_can_be_walked_one_at_a_time_with_the_continuation_token()
    {
        var table = await TableWithEntitiesAsync(azurite.CreateAccount().GetTableClient(azurite.NewTablePrefix() + "Walk"), partitions: 1, perPartition: 30);

        var first = await table.QueryPageAsync(top: 20);
        Assert.Equal(20, first.Entities.Count);
        Assert.NotNull(first.Continuation);

        var second = await table.QueryPageAsync(top: 20, continuation: first.Continuation);
        Assert.Equal(Enumerable.Range(20, 10), second.Entities.Select(e => e.GetInt32("N")!.Value));
        Assert.Null(second.Continuation);
    }

    [Fact]
    public async Task Querying_an_empty_table_returns_nothing()
    {
        var table = azurite.CreateAccount().GetTableClient(azurite.NewTablePrefix() + "Empty");
        await table.CreateIfNotExistsAsync();

        Assert.Empty(await table.QueryAsync().ToListAsync());
    }
}
