using Cleanup.Engine.Deletion;
using Cleanup.Storage.Stores;
using Cleanup.Testing.Azurite;

namespace Cleanup.Storage.Tests.Stores;

[Collection(AzuriteFixture.Collection)]
public sealed class TableDeletionLedgerTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Start = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private async Task<TableDeletionLedger> NewLedgerAsync()
    {
        var table = azurite.CreateAccount().GetTableClient(azurite.NewTablePrefix() + TableDeletionLedger.TableName);
        await table.CreateIfNotExistsAsync();
        return new TableDeletionLedger(table);
    }

    [Fact]
    public async Task Intent_then_outcome_then_a_new_intent_each_replace_the_item_entry()
    {
        var ledger = await NewLedgerAsync();
        var intent = new DeletionLedgerEntry("movie:tmdb:603", "r1", DeletionAction.UnmonitorAndDeleteFiles, Start);

        await ledger.SaveAsync(intent, default);
        Assert.Equal(intent, await ledger.GetAsync("movie:tmdb:603", default));

        var done = intent with { Outcome = AuditOutcome.Failed, Reason = "Radarr answered 500", OutcomeAt = Start.AddSeconds(3) };
        await ledger.SaveAsync(done, default);
        Assert.Equal(done, await ledger.GetAsync("movie:tmdb:603", default));

        var next = new DeletionLedgerEntry("movie:tmdb:603", "r2", DeletionAction.Delete, Start.AddDays(1));
        await ledger.SaveAsync(next, default);
        Assert.Equal(next, await ledger.GetAsync("movie:tmdb:603", default)); // no outcome left over from r1
    }

    [Fact]
    public async Task Items_are_separate_and_unknown_items_have_no_entry()
    {
        var ledger = await NewLedgerAsync();
        var odd = new DeletionLedgerEntry("series:tvdb:1/season#2?", "r1", DeletionAction.UnmonitorOnly, Start, AuditOutcome.Deleted, null, Start);
        await ledger.SaveAsync(odd, default);
        await ledger.SaveAsync(new DeletionLedgerEntry("movie:tmdb:1", "r1", DeletionAction.Delete, Start), default);

        Assert.Equal(odd, await ledger.GetAsync("series:tvdb:1/season#2?", default));
        Assert.Equal("movie:tmdb:1", (await ledger.GetAsync("movie:tmdb:1", default))?.ItemId);
        Assert.Null(await ledger.GetAsync("series:tvdb:1", default));
    }
}
