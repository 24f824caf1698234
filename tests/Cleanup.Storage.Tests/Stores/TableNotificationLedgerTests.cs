using Cleanup.Storage.Stores;
using Cleanup.Testing.Azurite;

namespace Cleanup.Storage.Tests.Stores;

[Collection(AzuriteFixture.Collection)]
public sealed class TableNotificationLedgerTests(AzuriteFixture azurite)
{
    private async Task<TableNotificationLedger> NewLedgerAsync()
    {
        var table = azurite.CreateAccount().GetTableClient(azurite.NewTablePrefix() + TableNotificationLedger.TableName);
        await table.CreateIfNotExistsAsync();
        return new TableNotificationLedger(table);
    }

    [Fact]
    public async Task Keys_are_added_once_and_removed_even_when_some_are_gone()
    {
        var ledger = await NewLedgerAsync();
        await ledger.AddAsync(["entered|movie:tmdb:1|638800000000000000", "remind|movie:tmdb:1|638810000000000000"], default);
        await ledger.AddAsync(["entered|movie:tmdb:1|638800000000000000", "entered|plex/item#7?|1"], default);

        Assert.Equal(
            ["entered|movie:tmdb:1|638800000000000000", "entered|plex/item#7?|1", "remind|movie:tmdb:1|638810000000000000"],
            (await ledger.ListAsync(default)).Order(StringComparer.Ordinal));

        await ledger.RemoveAsync(["remind|movie:tmdb:1|638810000000000000", "never-added", "entered|plex/item#7?|1"], default);

        Assert.Equal(["entered|movie:tmdb:1|638800000000000000"], await ledger.ListAsync(default));
    }

    [Fact]
    public async Task Hundreds_of_keys_are_kept()
    {
        var ledger = await NewLedgerAsync();
        var keys = Enumerable.Range(0, 250).Select(i => $"entered|movie:tmdb:{i}|1").ToList();

        await ledger.AddAsync(keys, default);

        Assert.Equal(keys.Order(StringComparer.Ordinal), (await ledger.ListAsync(default)).Order(StringComparer.Ordinal));
    }
}
