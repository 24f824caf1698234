using Cleanup.Engine.Deletion;
using Cleanup.Engine.Jobs;
using Cleanup.Engine.Sources;
using Cleanup.Storage.Stores;
using Cleanup.Testing.Azurite;

namespace Cleanup.Storage.Tests.Stores;

[Collection(AzuriteFixture.Collection)]
public sealed class TableSourceHealthStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Start = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private async Task<TableSourceHealthStore> NewStoreAsync()
    {
        var table = azurite.CreateAccount().GetTableClient(azurite.NewTablePrefix() + TableSourceHealthStore.TableName);
        await table.CreateIfNotExistsAsync();
        return new TableSourceHealthStore(table);
    }

    [Fact]
    public async Task Records_read_back_whole_ordered_by_source()
    {
        var store = await NewStoreAsync();
        var radarr = new SourceHealth("radarr", ServiceKind.Radarr, Start, SourceOutcome.Ok, null, Start, 1_204, 1_200, 0, null);
        var plex = new SourceHealth("plex", ServiceKind.Plex, Start.AddMinutes(1), SourceOutcome.Failed, "HTTP 503", Start.AddDays(-1), 900, 950, 2, "dropped 40 %");

        await store.SaveAsync([radarr, plex], default);

        Assert.Equal([plex, radarr], await store.ListAsync(default));
        Assert.Empty(await (await NewStoreAsync()).ListAsync(default));
    }

    [Fact]
    public async Task Saving_replaces_a_source_whatever_the_case_of_its_name()
    {
        var store = await NewStoreAsync();
        await store.SaveAsync([new SourceHealth("Sonarr", ServiceKind.Sonarr, Start, SourceOutcome.Failed, "timeout", null, null, null, 0, null)], default);

        var later = new SourceHealth("sonarr", ServiceKind.Sonarr, Start.AddHours(1), SourceOutcome.Ok, null, Start.AddHours(1), 310, 310, 0, null);
        await store.SaveAsync([later], default);

        Assert.Equal([later], await store.ListAsync(default)); // cleared fields do not survive from the older record
    }
}
