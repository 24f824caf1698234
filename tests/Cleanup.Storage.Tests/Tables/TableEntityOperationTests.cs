using Cleanup.Storage.Tables;
using Cleanup.Testing.Azurite;

namespace Cleanup.Storage.Tests.Tables;

[Collection(AzuriteFixture.Collection)]
public sealed class TableEntityOperationTests(AzuriteFixture azurite)
{
    private async Task<TableClient> NewTableAsync()
    {
        var table = azurite.CreateAccount().GetTableClient(azurite.NewTablePrefix() + "Entities");
        Assert.True(await table.CreateIfNotExistsAsync());
        return table;
    }

    [Fact]
    public async Task Creating_an_existing_table_is_not_an_error()
    {
        var table = await NewTableAsync();

        Assert.False(await table.CreateIfNotExistsAsync());
        Assert.True(await table.DeleteAsync());
        Assert.False(await table.DeleteAsync());
    }

    [Fact]
    public async Task Typed_properties_round_trip_as_the_types_written()
    {
        var table = await NewTableAsync();
        var when = new DateTimeOffset(2026, 3, 14, 15, 9, 26, TimeSpan.FromHours(2)).AddTicks(5358979);
        var id = Guid.NewGuid();
        var entity = new TableEntity("movies", "tt0111161")
        {
            ["Title"] = "The Shawshank Redemption",
            ["Size"] = 5_368_709_120L, // > 2^31
            ["Small64"] = 7L,
            ["Count"] = 42,
            ["Negative"] = -1,
            ["Rating"] = 9.3,
            ["WholeDouble"] = 5.0,
            ["Watched"] = true,
            ["Excluded"] = false,
            ["AddedAt"] = when,
            ["Id"] = id,
            ["Poster"] = new byte[] { 0, 1, 2, 254, 255 },
            ["Empty"] = "",
        };

        await table.AddEntityAsync(entity);
        var read = await table.GetEntityAsync("movies", "tt0111161");

        Assert.NotNull(read);
        Assert.Equal("The Shawshank Redemption", read["Title"]);
        Assert.Equal(5_368_709_120L, read["Size"]);
        Assert.Equal(7L, read["Small64"]);
        Assert.Equal(42, read["Count"]);
        Assert.Equal(-1, read["Negative"]);
        Assert.Equal(9.3, read["Rating"]);
        Assert.Equal(5.0, read["WholeDouble"]);
        Assert.IsType<double>(read["WholeDouble"]);
        Assert.Equal(true, read["Watched"]);
        Assert.Equal(false, read["Excluded"]);
        Assert.Equal(when, read.GetDateTimeOffset("AddedAt"));
        Assert.Equal(TimeSpan.Zero, read.GetDateTimeOffset("AddedAt")!.Value.Offset);
        Assert.Equal(id, read["Id"]);
        Assert.Equal(new byte[] { 0, 1, 2, 254, 255 }, read.GetBinary("Poster"));
        Assert.Equal("", read["Empty"]);
        Assert.Equal(13, read.Count);
        Assert.False(string.IsNullOrEmpty(read.ETag));
        Assert.NotNull(read.Timestamp);

        // Queries read the same types.
        var queried = Assert.Single(await table.QueryAsync().ToListAsync());
        Assert.Equal(read.Properties.OrderBy(p => p.Key).Select(p => p.Value), queried.Properties.OrderBy(p => p.Key).Select(p => p.Value));
        Assert.Equal(read.ETag, queried.ETag);
    }

    [Fact]
    public async Task Special_doubles_round_trip()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "r")
        {
            ["NaN"] = double.NaN,
            ["Up"] = double.PositiveInfinity,
            ["Down"] = double.NegativeInfinity,
            ["Tiny"] = double.Epsilon,
        });

        var read = (await table.GetEntityAsync("p", "r"))!;

        Assert.True(double.IsNaN(read.GetDouble("NaN")!.Value));
        Assert.Equal(double.PositiveInfinity, read.GetDouble("Up"));
        Assert.Equal(double.NegativeInfinity, read.GetDouble("Down"));
        Assert.Equal(double.Epsilon, read.GetDouble("Tiny"));
    }

    [Fact]
    public async Task Missing_entities_read_as_null_and_delete_as_false()
    {
        var table = await NewTableAsync();

        Assert.Null(await table.GetEntityAsync("p", "missing"));
        Assert.False(await table.DeleteEntityAsync("p", "missing"));
    }

    [Fact]
    public async Task A_missing_table_is_an_error_not_a_missing_entity()
    {
        var table = azurite.CreateAccount().GetTableClient(azurite.NewTablePrefix() + "Never");

        var error = await Assert.ThrowsAsync<TableRequestException>(() => table.GetEntityAsync("p", "r"));

        Assert.Equal(404, error.Status);
        Assert.Equal("TableNotFound", error.ErrorCode);
    }

    [Fact]
    public async Task Inserting_an_existing_entity_is_a_typed_conflict()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "r") { ["V"] = 1 });

        var conflict = await Assert.ThrowsAsync<TableConflictException>(() => table.AddEntityAsync(new TableEntity("p", "r") { ["V"] = 2 }));

        Assert.Equal(409, conflict.Status);
        Assert.Equal("EntityAlreadyExists", conflict.ErrorCode);
        Assert.Equal(1, (await table.GetEntityAsync("p", "r"))!["V"]);
    }

    [Fact]
    public async Task Updating_with_a_stale_etag_is_a_typed_conflict_and_changes_nothing()
    {
        var table = await NewTableAsync();
        var first = await table.AddEntityAsync(new TableEntity("p", "r") { ["State"] = "LeavingSoon" });
        var second = await table.UpdateEntityAsync(new TableEntity("p", "r") { ["State"] = "Kept" }, first);
        Assert.NotEqual(first, second);

        var conflict = await Assert.ThrowsAsync<TableConflictException>(
            () => table.UpdateEntityAsync(new TableEntity("p", "r") { ["State"] = "Deleted" }, first, TableUpdateMode.Replace));

        Assert.Equal(412, conflict.Status);
        Assert.Equal("UpdateConditionNotSatisfied", conflict.ErrorCode);
        var stored = (await table.GetEntityAsync("p", "r"))!;
        Assert.Equal("Kept", stored["State"]);
        Assert.Equal(second, stored.ETag);
    }

    [Fact]
    public async Task Updating_a_missing_entity_fails_even_with_a_wildcard_etag()
    {
        var table = await NewTableAsync();

        var error = await Assert.ThrowsAsync<TableRequestException>(() => table.UpdateEntityAsync(new TableEntity("p", "gone"), "*"));

        Assert.Equal(404, error.Status);
        Assert.Null(await table.GetEntityAsync("p", "gone"));
    }

    [Fact]
    public async Task Deleting_with_a_stale_etag_fails_and_keeps_the_entity()
    {
        var table = await NewTableAsync();
        var stale = await table.AddEntityAsync(new TableEntity("p", "r") { ["V"] = 1 });
        var current = await table.UpsertEntityAsync(new TableEntity("p", "r") { ["V"] = 2 });

        var conflict = await Assert.ThrowsAsync<TableConflictException>(() => table.DeleteEntityAsync("p", "r", stale));
        Assert.Equal(412, conflict.Status);
        Assert.NotNull(await table.GetEntityAsync("p", "r"));

        Assert.True(await table.DeleteEntityAsync("p", "r", current));
        Assert.Null(await table.GetEntityAsync("p", "r"));
    }

    [Fact]
    public async Task Upsert_merge_keeps_other_properties_and_replace_drops_them()
    {
        var table = await NewTableAsync();
        await table.UpsertEntityAsync(new TableEntity("p", "merge") { ["A"] = "a", ["B"] = 1 }, TableUpdateMode.Merge);
        await table.UpsertEntityAsync(new TableEntity("p", "replace") { ["A"] = "a", ["B"] = 1 }, TableUpdateMode.Replace);

        await table.UpsertEntityAsync(new TableEntity("p", "merge") { ["B"] = 2, ["C"] = true }, TableUpdateMode.Merge);
        await table.UpsertEntityAsync(new TableEntity("p", "replace") { ["B"] = 2, ["C"] = true }, TableUpdateMode.Replace);

        var merged = (await table.GetEntityAsync("p", "merge"))!;
        Assert.Equal(["A", "B", "C"], merged.Properties.Keys.Order());
        Assert.Equal("a", merged["A"]);
        Assert.Equal(2, merged["B"]);

        var replaced = (await table.GetEntityAsync("p", "replace"))!;
        Assert.Equal(["B", "C"], replaced.Properties.Keys.Order());
        Assert.Null(replaced["A"]);
    }

    [Fact]
    public async Task Conditional_merge_with_the_current_etag_succeeds()
    {
        var table = await NewTableAsync();
        var etag = await table.AddEntityAsync(new TableEntity("p", "r") { ["A"] = "a" });

        await table.UpdateEntityAsync(new TableEntity("p", "r") { ["B"] = "b" }, etag, TableUpdateMode.Merge);

        var read = (await table.GetEntityAsync("p", "r"))!;
        Assert.Equal("a", read["A"]);
        Assert.Equal("b", read["B"]);
    }

    [Fact]
    public async Task Select_returns_only_the_named_properties_and_the_keys()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "r") { ["A"] = "a", ["B"] = 2L, ["C"] = 3 });

        var got = (await table.GetEntityAsync("p", "r", select: ["B"]))!;
        var queried = Assert.Single(await table.QueryAsync(select: ["C"]).ToListAsync());

        Assert.Equal(("p", "r"), (got.PartitionKey, got.RowKey));
        Assert.Equal(["B"], got.Properties.Keys);
        Assert.Equal(2L, got["B"]);
        Assert.Equal(("p", "r"), (queried.PartitionKey, queried.RowKey));
        Assert.Equal(["C"], queried.Properties.Keys);
    }

    [Fact]
    public async Task Filters_built_from_typed_values_select_the_right_entities()
    {
        var table = await NewTableAsync();
        var cutoff = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 6; i++)
        {
            await table.AddEntityAsync(new TableEntity("p", $"r{i}")
            {
                ["Size"] = (1L << 32) * i,
                ["AddedAt"] = cutoff.AddDays(i - 3),
                ["Owner"] = i % 2 == 0 ? "O'Brien" : "Smith",
            });
        }

        var big = await table.QueryAsync(TableFilter.Create($"Size ge {3L << 32}")).Select(e => e.RowKey).ToListAsync();
        var recent = await table.QueryAsync(TableFilter.Create($"AddedAt lt {cutoff}")).Select(e => e.RowKey).ToListAsync();
        var quoted = await table.QueryAsync(TableFilter.Create($"Owner eq {"O'Brien"} and PartitionKey eq {"p"}")).Select(e => e.RowKey).ToListAsync();

        Assert.Equal(["r3", "r4", "r5"], big);
        Assert.Equal(["r0", "r1", "r2"], recent);
        Assert.Equal(["r0", "r2", "r4"], quoted);
    }

    [Fact]
    public async Task A_wrong_account_key_fails_without_revealing_the_key_or_the_signature()
    {
        const string wrongKey = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==";
        var connection = azurite.ConnectionString.Replace(
            "AccountKey=" + "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==",
            "AccountKey=" + wrongKey);
        Assert.Contains(wrongKey, connection);
        var table = StorageAccount.FromConnectionString(connection).GetTableClient(azurite.NewTablePrefix());

        var error = await Assert.ThrowsAsync<TableRequestException>(() => table.CreateIfNotExistsAsync());

        Assert.Equal(403, error.Status);
        Assert.Equal("AuthorizationFailure", error.ErrorCode);
        Assert.DoesNotContain(wrongKey, error.ToString());
        Assert.DoesNotContain("SharedKey", error.ToString());
        Assert.DoesNotContain("Authorization:", error.ToString());
    }
}
