using Cleanup.Engine.Deletion;
using Cleanup.Engine.Jobs;
using Cleanup.Engine.Ports;
using Cleanup.Engine.Sources;
using Cleanup.Storage.Stores;
using Cleanup.Testing.Azurite;
using Microsoft.Extensions.DependencyInjection;

namespace Cleanup.Storage.Tests.Stores;

[Collection(AzuriteFixture.Collection)]
public sealed class WorkflowStateRegistrationTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Start = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Every_workflow_port_is_registered_on_the_prefixed_tables_the_host_creates()
    {
        var account = azurite.CreateAccount();
        var settings = new StorageSettings { TablePrefix = azurite.NewTablePrefix() };
        foreach (var table in WorkflowStateRegistration.Tables) await account.GetTableClient(settings.Table(table)).CreateIfNotExistsAsync();
        var clock = new TestClock(Start);
        var services = new ServiceCollection().AddTableWorkflowState(account, settings);

        // Each store works against the tables listed in Tables (a missing or misnamed table fails with TableNotFound).
        var jobs = Resolve<IJobStore>(services, clock);
        await jobs.SaveAsync(new Job("j1", JobKind.Cleanup, JobStatus.Running, JobTrigger.User, Start, null, null, [], []), default);
        Assert.Equal("j1", Assert.Single(await jobs.ListAsync(default)).Id);

        var lease = Resolve<IJobLease>(services, clock);
        Assert.True((await lease.TryAcquireAsync("Cleanup", "j1", TimeSpan.FromMinutes(1), default)).Acquired);
        clock.Advance(TimeSpan.FromMinutes(2)); // the lease runs on the registered clock
        Assert.True((await lease.TryAcquireAsync("Cleanup", "j2", TimeSpan.FromMinutes(1), default)).Acquired);

        var audit = Resolve<IAuditLog>(services, clock);
        await audit.RecordAsync(new AuditEntry("r:i", "r", "i", "T", DeletionMediaType.Movie, 5, "rule", DeletionAction.Delete, false, "schedule", Start, AuditOutcome.Deleted, null, []), default);
        Assert.Equal(5, (await audit.ReadAsync(1, 10, default)).ReclaimedBytes);

        var ledger = Resolve<IDeletionLedger>(services, clock);
        await ledger.SaveAsync(new DeletionLedgerEntry("i", "r", DeletionAction.Delete, Start), default);
        Assert.NotNull(await ledger.GetAsync("i", default));

        var health = Resolve<ISourceHealthStore>(services, clock);
        await health.SaveAsync([new SourceHealth("radarr", ServiceKind.Radarr, Start, SourceOutcome.Ok, null, Start, 1, 1, 0, null)], default);
        Assert.Single(await health.ListAsync(default));

        var notices = Resolve<INotificationLedger>(services, clock);
        await notices.AddAsync(["k"], default);
        Assert.Equal(["k"], await notices.ListAsync(default));

        var snapshots = Resolve<ISnapshotStore>(services, clock);
        var reference = new SnapshotRef("snapshots", "r/radarr.json");
        await snapshots.SaveAsync(reference, "[]"u8.ToArray(), default);
        Assert.NotNull(await account.GetBlobContainerClient(settings.Table("snapshots").ToLowerInvariant()).DownloadAsync("r/radarr.json"));
    }

    [Fact]
    public void The_table_stores_are_added_after_in_memory_defaults_so_they_win()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IJobStore>(new Engine.Jobs.InMemory.InMemoryJobStore());

        services.AddTableWorkflowState(azurite.CreateAccount(), new StorageSettings());

        Assert.IsType<TableJobStore>(services.Last(d => d.ServiceType == typeof(IJobStore)).ImplementationInstance);
    }

    /// <summary>Resolves the last registration of <typeparamref name="T"/> the way the container would, with only a clock available.</summary>
    private static T Resolve<T>(IServiceCollection services, TimeProvider clock)
    {
        var descriptor = services.Last(d => d.ServiceType == typeof(T));
        Assert.Equal(ServiceLifetime.Singleton, descriptor.Lifetime);
        return (T)(descriptor.ImplementationInstance ?? descriptor.ImplementationFactory!(new ClockOnly(clock)));
    }

    private sealed class ClockOnly(TimeProvider clock) : IServiceProvider
    {
        public object? GetService(Type serviceType) => serviceType == typeof(TimeProvider) ? clock : null;
    }
}
