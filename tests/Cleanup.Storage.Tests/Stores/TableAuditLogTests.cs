using Cleanup.Engine.Deletion;
using Cleanup.Storage.Stores;
using Cleanup.Storage.Tables;
using Cleanup.Testing.Azurite;

namespace Cleanup.Storage.Tests.Stores;

[Collection(AzuriteFixture.Collection)]
public sealed class TableAuditLogTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Start = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private async Task<TableClient> NewTableAsync()
    {
        var table = azurite.CreateAccount().GetTableClient(azurite.NewTablePrefix() + TableAuditLog.TableName);
        await table.CreateIfNotExistsAsync();
        return table;
    }

    private static AuditEntry Entry(string runId, string itemId, AuditOutcome outcome, long size, DateTimeOffset at) =>
        new(AuditEntry.IdFor(runId, itemId), runId, itemId, "Title " + itemId, DeletionMediaType.Movie, size, "Old and unwatched",
            DeletionAction.Delete, outcome == AuditOutcome.WouldDelete, "schedule", at, outcome, outcome == AuditOutcome.Skipped ? "kept" : null,
            ["rule matched", "not watched in 400 days"]);

    [Fact]
    public async Task Pages_are_newest_first_with_totals_over_everything()
    {
        var audit = new TableAuditLog(await NewTableAsync());
        var outcomes = new[] { AuditOutcome.Deleted, AuditOutcome.WouldDelete, AuditOutcome.Skipped, AuditOutcome.Failed };
        for (var i = 0; i < 7; i++)
        {
            await audit.RecordAsync(Entry("r1", $"movie:tmdb:{i}", outcomes[i % 4], 1_000 * (i + 1), Start.AddMinutes(i)), default);
        }

        var first = await audit.ReadAsync(1, 3, default);
        var third = await audit.ReadAsync(3, 3, default);
        var beyond = await audit.ReadAsync(4, 3, default);

        Assert.Equal(["movie:tmdb:6", "movie:tmdb:5", "movie:tmdb:4"], first.Items.Select(e => e.ItemId));
        Assert.Equal(["movie:tmdb:0"], third.Items.Select(e => e.ItemId));
        Assert.Empty(beyond.Items);
        foreach (var page in new[] { first, third, beyond })
        {
            Assert.Equal(7, page.Total);
            Assert.Equal(1_000 + 5_000, page.ReclaimedBytes); // items 0 and 4
            Assert.Equal(2_000 + 6_000, page.WouldReclaimBytes); // items 1 and 5
        }
    }

    [Fact]
    public async Task An_entry_reads_back_whole()
    {
        var audit = new TableAuditLog(await NewTableAsync());
        var entry = Entry("r1", "movie:tmdb:603", AuditOutcome.Skipped, 42, Start);

        await audit.RecordAsync(entry, default);

        var read = Assert.Single((await audit.ReadAsync(1, 10, default)).Items);
        Assert.Equal(entry with { Trace = [] }, read with { Trace = [] });
        Assert.Equal(entry.Trace, read.Trace);
    }

    [Fact]
    public async Task Recording_intent_then_outcome_leaves_one_line_counted_once()
    {
        var audit = new TableAuditLog(await NewTableAsync());
        await audit.RecordAsync(Entry("r1", "movie:tmdb:1", AuditOutcome.Deleted, 500, Start), default);
        await audit.RecordAsync(Entry("r1", "movie:tmdb:2", AuditOutcome.WouldDelete, 700, Start.AddMinutes(1)), default);

        // The in-flight line for item 3, then its outcome, later; then item 1's line corrected to failed.
        await audit.RecordAsync(Entry("r2", "movie:tmdb:3", AuditOutcome.Failed, 300, Start.AddMinutes(2)), default);
        await audit.RecordAsync(Entry("r2", "movie:tmdb:3", AuditOutcome.Deleted, 300, Start.AddMinutes(3)), default);
        await audit.RecordAsync(Entry("r2", "movie:tmdb:3", AuditOutcome.Deleted, 300, Start.AddMinutes(3)), default); // a retried activity
        await audit.RecordAsync(Entry("r1", "movie:tmdb:1", AuditOutcome.Failed, 500, Start.AddMinutes(4)), default);

        var page = await audit.ReadAsync(1, 10, default);

        Assert.Equal(["movie:tmdb:1", "movie:tmdb:3", "movie:tmdb:2"], page.Items.Select(e => e.ItemId));
        Assert.Equal([AuditOutcome.Failed, AuditOutcome.Deleted, AuditOutcome.WouldDelete], page.Items.Select(e => e.Outcome));
        Assert.Equal(3, page.Total);
        Assert.Equal(300, page.ReclaimedBytes);
        Assert.Equal(700, page.WouldReclaimBytes);
    }

    [Fact]
    public async Task Lines_at_the_same_moment_are_ordered_by_id()
    {
        var audit = new TableAuditLog(await NewTableAsync());
        await audit.RecordAsync(Entry("r1", "b", AuditOutcome.Deleted, 1, Start), default);
        await audit.RecordAsync(Entry("r1", "a", AuditOutcome.Deleted, 1, Start), default);
        await audit.RecordAsync(Entry("r1", "c", AuditOutcome.Deleted, 1, Start.AddTicks(-1)), default);

        Assert.Equal(["a", "b", "c"], (await audit.ReadAsync(1, 10, default)).Items.Select(e => e.ItemId));
    }

    [Fact]
    public async Task Concurrent_writers_in_two_processes_keep_exact_totals()
    {
        var table = await NewTableAsync();
        var audits = new[] { new TableAuditLog(table), new TableAuditLog(azurite.CreateAccount().GetTableClient(table.Name)) };

        // 16 items, each recorded as an intent (failed) and then as deleted, by either process, all at once.
        await Parallel.ForEachAsync(Enumerable.Range(0, 16), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            await audits[i % 2].RecordAsync(Entry("r1", $"i{i:00}", AuditOutcome.Failed, 100, Start.AddSeconds(i)), ct);
            await audits[(i + 1) % 2].RecordAsync(Entry("r1", $"i{i:00}", AuditOutcome.Deleted, 100, Start.AddSeconds(i)), ct);
        });

        var page = await audits[0].ReadAsync(1, 100, default);
        Assert.Equal(16, page.Total);
        Assert.Equal(16, page.Items.Count);
        Assert.Equal(1_600, page.ReclaimedBytes);
        Assert.All(page.Items, e => Assert.Equal(AuditOutcome.Deleted, e.Outcome));
    }

    [Fact]
    public async Task Paging_walks_past_a_thousand_lines()
    {
        var table = await NewTableAsync();
        var audit = new TableAuditLog(table);
        await audit.RecordAsync(Entry("r1", "newest", AuditOutcome.Deleted, 10, Start.AddDays(1)), default);

        // Older lines written directly in the store's layout: 1,200 recordings one by one would be slow.
        var lines = Enumerable.Range(0, 1_200).Select(i => Entry("r0", $"i{i:0000}", AuditOutcome.Skipped, 1, Start.AddSeconds(-i)));
        await TableBatches.SubmitAsync(table, lines.Select(e => new TableTransactionAction(
            TableTransactionActionType.UpsertReplace,
            new TableEntity("audit", "at|" + (DateTimeOffset.MaxValue.UtcTicks - e.At.UtcTicks).ToString("D19") + "|" + e.Id)
            {
                ["Json"] = System.Text.Json.JsonSerializer.Serialize(e, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)),
            })), default);
        await table.UpsertEntityAsync(new TableEntity("audit", "summary") { ["Total"] = 1_201L, ["ReclaimedBytes"] = 10L, ["WouldReclaimBytes"] = 0L });

        var page = await audit.ReadAsync(111, 10, default); // lines 1,100 to 1,109

        Assert.Equal(Enumerable.Range(1_099, 10).Select(i => $"i{i:0000}"), page.Items.Select(e => e.ItemId));
        Assert.Equal(1_201, page.Total);
    }
}
