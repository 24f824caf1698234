using Cleanup.Storage.Stores;
using Cleanup.Storage.Tables;
using Cleanup.Testing.Azurite;

namespace Cleanup.Storage.Tests.Stores;

[Collection(AzuriteFixture.Collection)]
public sealed class TableJobLeaseTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Start = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Ttl = TimeSpan.FromMinutes(2);

    private async Task<TableClient> NewTableAsync()
    {
        var table = azurite.CreateAccount().GetTableClient(azurite.NewTablePrefix() + TableJobLease.TableName);
        await table.CreateIfNotExistsAsync();
        return table;
    }

    /// <summary>A lease as another process would have it: its own account (own connections) on the same table.</summary>
    private TableJobLease OtherProcess(TableClient table, TimeProvider clock) =>
        new(azurite.CreateAccount().GetTableClient(table.Name), clock);

    [Fact]
    public async Task A_lease_is_exclusive_until_released_or_expired()
    {
        var clock = new TestClock(Start);
        var lease = new TableJobLease(await NewTableAsync(), clock);

        Assert.True((await lease.TryAcquireAsync("FullSync", "a", Ttl, default)).Acquired);
        var refused = await lease.TryAcquireAsync("FullSync", "b", Ttl, default);
        Assert.False(refused.Acquired);
        Assert.Equal("a", refused.HolderJobId);
        Assert.True((await lease.TryAcquireAsync("Cleanup", "c", Ttl, default)).Acquired);

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(await lease.RenewAsync("FullSync", "a", Ttl, default));
        Assert.False(await lease.RenewAsync("FullSync", "b", Ttl, default));
        clock.Advance(TimeSpan.FromMinutes(2));

        Assert.True((await lease.TryAcquireAsync("FullSync", "b", Ttl, default)).Acquired); // a crashed holder stops blocking
        Assert.False(await lease.RenewAsync("FullSync", "a", Ttl, default));
        await lease.ReleaseAsync("FullSync", "a", default); // not the holder: no effect
        Assert.False((await lease.TryAcquireAsync("FullSync", "d", Ttl, default)).Acquired);
    }

    [Fact]
    public async Task Renewal_moves_the_expiry_and_release_frees_the_lease_for_the_next_job()
    {
        var clock = new TestClock(Start);
        var lease = new TableJobLease(await NewTableAsync(), clock);
        await lease.TryAcquireAsync("Cleanup", "a", Ttl, default);

        clock.Advance(TimeSpan.FromMinutes(1.5));
        Assert.True(await lease.RenewAsync("Cleanup", "a", Ttl, default));
        clock.Advance(TimeSpan.FromMinutes(1.5)); // 3 minutes after taking it, 1.5 after renewing
        Assert.Equal("a", (await lease.TryAcquireAsync("Cleanup", "b", Ttl, default)).HolderJobId);

        await lease.ReleaseAsync("Cleanup", "a", default);
        Assert.Equal(new(true, "b"), await lease.TryAcquireAsync("Cleanup", "b", Ttl, default));
    }

    [Fact]
    public async Task The_holder_asking_again_is_refused()
    {
        var lease = new TableJobLease(await NewTableAsync(), new TestClock(Start));
        await lease.TryAcquireAsync("FullSync", "a", Ttl, default);

        Assert.Equal(new(false, "a"), await lease.TryAcquireAsync("FullSync", "a", Ttl, default));
    }

    [Fact]
    public async Task Of_twenty_processes_racing_for_a_free_lease_exactly_one_gets_it()
    {
        var table = await NewTableAsync();
        var clock = new TestClock(Start);
        var leases = Enumerable.Range(0, 4).Select(_ => OtherProcess(table, clock)).ToList();

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => leases[i % leases.Count].TryAcquireAsync("FullSync", $"job{i}", Ttl, default))));

        var winner = Assert.Single(results, r => r.Acquired);
        Assert.All(results, r => Assert.Equal(winner.HolderJobId, r.HolderJobId));
        var loser = Enumerable.Range(0, 20).Select(i => $"job{i}").First(id => id != winner.HolderJobId);
        Assert.False(await leases[0].RenewAsync("FullSync", loser, Ttl, default));
        Assert.True(await leases[1].RenewAsync("FullSync", winner.HolderJobId, Ttl, default));
    }

    [Fact]
    public async Task Of_twenty_processes_racing_for_an_expired_lease_exactly_one_gets_it()
    {
        var table = await NewTableAsync();
        var clock = new TestClock(Start);
        await new TableJobLease(table, clock).TryAcquireAsync("Cleanup", "crashed", Ttl, default);
        clock.Advance(Ttl + TimeSpan.FromSeconds(1));
        var leases = Enumerable.Range(0, 4).Select(_ => OtherProcess(table, clock)).ToList();

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => leases[i % leases.Count].TryAcquireAsync("Cleanup", $"job{i}", Ttl, default))));

        var winner = Assert.Single(results, r => r.Acquired);
        Assert.NotEqual("crashed", winner.HolderJobId);
        Assert.All(results, r => Assert.Equal(winner.HolderJobId, r.HolderJobId));
        Assert.False(await leases[1].RenewAsync("Cleanup", "crashed", Ttl, default));
        Assert.True(await leases[2].RenewAsync("Cleanup", winner.HolderJobId, Ttl, default));
    }

    [Fact]
    public async Task Racing_renewals_and_take_overs_leave_one_holder()
    {
        var table = await NewTableAsync();
        var clock = new TestClock(Start);
        var first = new TableJobLease(table, clock);
        await first.TryAcquireAsync("FullSync", "a", Ttl, default);
        clock.Advance(Ttl); // expired exactly now: renewing fails, taking over succeeds
        var other = OtherProcess(table, clock);

        var renewals = Enumerable.Range(0, 5).Select(_ => first.RenewAsync("FullSync", "a", Ttl, default));
        var takeOvers = Enumerable.Range(0, 5).Select(i => other.TryAcquireAsync("FullSync", $"b{i}", Ttl, default));
        var taken = await Task.WhenAll(takeOvers);

        Assert.All(await Task.WhenAll(renewals), Assert.False);
        var winner = Assert.Single(taken, r => r.Acquired);
        Assert.Equal(new(false, winner.HolderJobId), await first.TryAcquireAsync("FullSync", "c", Ttl, default));
    }
}
