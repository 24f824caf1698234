using Cleanup.Storage;
using Cleanup.Storage.Emulator;
using Xunit;

namespace Cleanup.Testing.Azurite;

/// <summary>
/// One in-memory Azurite, on free loopback ports, shared by every test in the test process (so by the whole test
/// assembly run, even across several collections). Each test asks for its own table names with
/// <see cref="NewTablePrefix"/> / <see cref="NewContainerName"/>, so tests never see each other's data.
/// <para>
/// xunit looks for [CollectionDefinition] only in the test assembly itself, so each test project that uses Azurite
/// adds this one line once:
/// <code>[CollectionDefinition(AzuriteFixture.Collection)] public sealed class AzuriteCollection : ICollectionFixture&lt;AzuriteFixture&gt;;</code>
/// and marks its test classes with <c>[Collection(AzuriteFixture.Collection)]</c>, taking <see cref="AzuriteFixture"/>
/// in their constructor.
/// </para>
/// Azurite is killed when the test process exits (see <see cref="AzuriteProcess"/>).
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    public const string Collection = "Azurite";

    // Started once per process; a start failure is remembered so every collection reports it without waiting again.
    private static readonly Lazy<Task<AzuriteProcess>> Shared = new(() => AzuriteProcess.StartAsync(new AzuriteOptions()));
    private static int _counter;

    private AzuriteProcess? _azurite;

    public AzuriteProcess Azurite => _azurite ?? throw new InvalidOperationException("The Azurite fixture is not initialized yet.");

    /// <summary>Account-key connection string with explicit endpoints.</summary>
    public string ConnectionString => Azurite.ConnectionString;

    /// <summary>A storage account on this Azurite (optionally with pipeline options, e.g. a request-counting policy).</summary>
    public StorageAccount CreateAccount(StorageClientOptions? options = null) => Azurite.CreateAccount(options);

    /// <summary>
    /// A prefix no other test uses: a letter then 15 letters/digits, itself a valid table name. Append a store's own
    /// table names to it (keep the total under 63 letters/digits).
    /// </summary>
    public string NewTablePrefix() =>
        "t" + Interlocked.Increment(ref _counter).ToString("x4", System.Globalization.CultureInfo.InvariantCulture) + Guid.NewGuid().ToString("N")[..11];

    /// <summary>A blob container name no other test uses.</summary>
    public string NewContainerName() => "c" + Guid.NewGuid().ToString("N");

    public async Task InitializeAsync() => _azurite = await Shared.Value.ConfigureAwait(false);

    // The shared process outlives each collection; it stops when the test process exits.
    public Task DisposeAsync() => Task.CompletedTask;
}
