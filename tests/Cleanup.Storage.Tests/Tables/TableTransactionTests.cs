using Cleanup.Storage.Tables;
using Cleanup.Testing.Azurite;

namespace Cleanup.Storage.Tests.Tables;

[Collection(AzuriteFixture.Collection)]
public sealed class TableTransactionTests(AzuriteFixture azurite)
{
    private async Task<TableClient> NewTableAsync()
    {
        var table = azurite.CreateAccount().GetTableClient(azurite.NewTablePrefix() + "Batch");
        await table.CreateIfNotExistsAsync();
        return table;
    }

    private static TableTransactionAction Add(string pk, string rk, int n) =>
        new(TableTransactionActionType.Add, new TableEntity(pk, rk) { ["N"] = n });

    [Fact]
    public async Task A_failing_transaction_changes_nothing_and_names_the_failing_action()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "b") { ["N"] = 0 });
        await table.AddEntityAsync(new TableEntity("p", "z") { ["N"] = 0 });

        var conflict = await Assert.ThrowsAsync<TableConflictException>(() => table.SubmitTransactionAsync(
        [
            Add("p", "a", 1),
            Add("p", "b", 2), // already exists
            Add("p", "c", 3),
            new(TableTransactionActionType.Delete, new TableEntity("p", "z")),
        ]));

        Assert.Equal(1, conflict.FailedActionIndex);
        Assert.Equal(409, conflict.Status);
        Assert.Equal("EntityAlreadyExists", conflict.ErrorCode);
        Assert.Contains("action 1", conflict.Message);
        var stored = await table.QueryAsync().ToListAsync();
        Assert.Equal(["b", "z"], stored.Select(e => e.RowKey));
        Assert.All(stored, e => Assert.Equal(0, e["N"]));
    }

    [Fact]
    public async Task A_stale_etag_inside_a_transaction_is_a_conflict_at_its_index()
    {
        var table = await NewTableAsync();
        var stale = await table.AddEntityAsync(new TableEntity("p", "x") { ["N"] = 1 });
        await table.UpsertEntityAsync(new TableEntity("p", "x") { ["N"] = 2 });

        var conflict = await Assert.ThrowsAsync<TableConflictException>(() => table.SubmitTransactionAsync(
        [
            Add("p", "new", 1),
            new(TableTransactionActionType.UpdateReplace, new TableEntity("p", "x") { ["N"] = 3 }, stale),
        ]));

        Assert.Equal(1, conflict.FailedActionIndex);
        Assert.Equal(412, conflict.Status);
        Assert.Null(await table.GetEntityAsync("p", "new"));
        Assert.Equal(2, (await table.GetEntityAsync("p", "x"))!["N"]);
    }

    [Fact]
    public async Task Deleting_a_missing_entity_fails_the_whole_transaction()
    {
        var table = await NewTableAsync();

        var error = await Assert.ThrowsAsync<TableRequestException>(() => table.SubmitTransactionAsync(
        [
            Add("p", "a", 1),
            new(TableTransactionActionType.Delete, new TableEntity("p", "missing")),
        ]));

        Assert.IsNotType<TableConflictException>(error);
        Assert.Equal(404, error.Status);
        Assert.Equal(1, error.FailedActionIndex);
        Assert.Empty(await table.QueryAsync().ToListAsync());
    }

    [Fact]
    public async Task Every_action_type_applies_and_returns_etags_in_order()
    {
        var table = await NewTableAsync();
        var etagOfUpdated = await table.AddEntityAsync(new TableEntity("p", "update") { ["A"] = "a", ["B"] = "b" });
        await table.AddEntityAsync(new TableEntity("p", "merge") { ["A"] = "a" });
        await table.AddEntityAsync(new TableEntity("p", "replace") { ["A"] = "a" });
        await table.AddEntityAsync(new TableEntity("p", "delete"));

        var etags = await table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("p", "add") { ["Size"] = 1L << 40 }),
            new(TableTransactionActionType.UpsertMerge, new TableEntity("p", "merge") { ["B"] = "b" }),
            new(TableTransactionActionType.UpsertReplace, new TableEntity("p", "replace") { ["B"] = "b" }),
            new(TableTransactionActionType.UpdateMerge, new TableEntity("p", "update") { ["C"] = "c" }, etagOfUpdated),
            new(TableTransactionActionType.Delete, new TableEntity("p", "delete")),
        ]);

        Assert.Equal(5, etags.Count);
        Assert.All(etags.Take(4), e => Assert.False(string.IsNullOrEmpty(e)));
        var stored = (await table.QueryAsync().ToListAsync()).ToDictionary(e => e.RowKey);
        Assert.Equal(["add", "merge", "replace", "update"], stored.Keys.Order());
        Assert.Equal(1L << 40, stored["add"]["Size"]);
        Assert.Equal(["A", "B"], stored["merge"].Properties.Keys.Order());
        Assert.Equal(["B"], stored["replace"].Properties.Keys);
        Assert.Equal(["A", "B", "C"], stored["update"].Properties.Keys.Order());
        Assert.Equal(etags[3], stored["update"].ETag);
    }

    [Fact]
    public async Task Keys_with_quotes_and_non_ascii_characters_work_inside_transactions()
    {
        var table = await NewTableAsync();
        const string pk = "O'Brien's – Amélie 東京";

        await table.SubmitTransactionAsync([Add(pk, "it's 東", 1), Add(pk, "second ü", 2)]);
        await table.SubmitTransactionAsync([new(TableTransactionActionType.Delete, new TableEntity(pk, "it's 東"))]);

        Assert.Equal("second ü", Assert.Single(await table.QueryAsync(TableFilter.Create($"PartitionKey eq {pk}")).ToListAsync()).RowKey);
    }

    [Fact]
    public async Task Invalid_transactions_are_refused_before_sending()
    {
        var account = azurite.CreateAccount(RequestLog.Options(out var log));
        var table = account.GetTableClient(azurite.NewTablePrefix());

        var tooMany = await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync(Enumerable.Range(0, 101).Select(i => Add("p", $"r{i}", i))));
        var twoPartitions = await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync([Add("p", "a", 1), Add("q", "b", 2)]));
        var repeated = await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync([Add("p", "a", 1), Add("p", "a", 2)]));
        var empty = await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync([]));

        Assert.Contains("100", tooMany.Message);
        Assert.Contains("PartitionKey", twoPartitions.Message);
        Assert.Contains("RowKey \"a\"", repeated.Message);
        Assert.Contains("at least one", empty.Message);
        Assert.Equal(0, log.Count);
    }
}
