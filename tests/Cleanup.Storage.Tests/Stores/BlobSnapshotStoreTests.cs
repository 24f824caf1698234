using Cleanup.Engine.Ports;
using Cleanup.Storage.Stores;
using Cleanup.Testing.Azurite;

namespace Cleanup.Storage.Tests.Stores;

[Collection(AzuriteFixture.Collection)]
public sealed class BlobSnapshotStoreTests(AzuriteFixture azurite)
{
    private sealed record Payload(string Source, IReadOnlyList<int> Ids);

    [Fact]
    public async Task A_snapshot_round_trips_and_is_overwritten_in_a_container_made_on_first_save()
    {
        var prefix = azurite.NewTablePrefix();
        var store = new BlobSnapshotStore(azurite.CreateAccount(), prefix);
        var reference = new SnapshotRef("snapshots", "run-1/radarr.json");
        var big = new Payload("radarr", [.. Enumerable.Range(0, 100_000)]);

        await store.SaveJsonAsync(reference, big, default);
        Assert.Equal(big.Ids, (await store.LoadJsonAsync<Payload>(reference, default)).Ids);

        await store.SaveJsonAsync(reference, new Payload("radarr", [1]), default);
        Assert.Equal([1], (await store.LoadJsonAsync<Payload>(reference, default)).Ids);

        // Another process (its own account) sees it in the prefixed, lower-cased container.
        var download = await azurite.CreateAccount().GetBlobContainerClient((prefix + "snapshots").ToLowerInvariant()).DownloadAsync("run-1/radarr.json");
        Assert.NotNull(download);
    }

    [Fact]
    public async Task Missing_snapshots_load_as_null()
    {
        var store = new BlobSnapshotStore(azurite.CreateAccount(), azurite.NewTablePrefix());
        Assert.Null(await store.LoadAsync(new SnapshotRef("snapshots", "nothing.json"), default)); // no container yet

        await store.SaveAsync(new SnapshotRef("snapshots", "a.json"), "{}"u8.ToArray(), default);
        Assert.Null(await store.LoadAsync(new SnapshotRef("snapshots", "b.json"), default));
        Assert.Equal("{}"u8.ToArray(), await store.LoadAsync(new SnapshotRef("snapshots", "a.json"), default));
    }
}
