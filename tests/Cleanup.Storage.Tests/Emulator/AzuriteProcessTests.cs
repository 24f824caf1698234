using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Cleanup.Storage.Emulator;
using Cleanup.Storage.Tables;

namespace Cleanup.Storage.Tests.Emulator;

[Collection(OwnAzuriteCollection.Name)]
public sealed class AzuriteProcessTests
{
    private static bool Listening(int port)
    {
        using var client = new TcpClient();
        try
        {
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    [Fact]
    public async Task Starts_on_free_ports_serves_storage_and_frees_its_ports_when_disposed()
    {
        var azurite = await AzuriteProcess.StartAsync();
        int pid = azurite.ProcessId;
        int[] ports = [azurite.BlobPort, azurite.QueuePort, azurite.TablePort];
        try
        {
            Assert.Equal(3, ports.Distinct().Count());
            Assert.All(ports, p => Assert.True(Listening(p), $"port {p} should be listening"));
            Assert.Contains($"TableEndpoint=http://127.0.0.1:{azurite.TablePort}/devstoreaccount1", azurite.ConnectionString);

            var table = StorageAccount.FromConnectionString(azurite.ConnectionString).GetTableClient("Smoke");
            await table.CreateIfNotExistsAsync();
            await table.AddEntityAsync(new TableEntity("p", "r"));
            Assert.NotNull(await table.GetEntityAsync("p", "r"));
        }
        finally
        {
            azurite.Dispose();
        }

        Assert.All(ports, p => Assert.False(Listening(p), $"port {p} should be free"));
        Assert.Throws<ArgumentException>(() => Process.GetProcessById(pid));
    }

    [Fact]
    public async Task Persists_to_a_location_across_restarts_on_the_same_ports()
    {
        var folder = Directory.CreateTempSubdirectory("azurite-test-").FullName;
        try
        {
            int blob, queue, table;
            await using (var first = await AzuriteProcess.StartAsync(new AzuriteOptions { Location = folder }))
            {
                (blob, queue, table) = (first.BlobPort, first.QueuePort, first.TablePort);
                var jobs = first.CreateAccount().GetTableClient("Jobs");
                await jobs.CreateIfNotExistsAsync();
                await jobs.AddEntityAsync(new TableEntity("p", "kept") { ["N"] = 7 });
            }

            await using var second = await AzuriteProcess.StartAsync(new AzuriteOptions { Location = folder, BlobPort = blob, QueuePort = queue, TablePort = table });
            Assert.Equal(table, second.TablePort);
            Assert.Equal(7, (await second.CreateAccount().GetTableClient("Jobs").GetEntityAsync("p", "kept"))!["N"]);
            Assert.NotEmpty(Directory.EnumerateFileSystemEntries(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_busy_explicit_port_fails_clearly_with_azurites_output()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var busy = ((IPEndPoint)squatter.LocalEndpoint).Port;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => AzuriteProcess.StartAsync(new AzuriteOptions { TablePort = busy }));

        Assert.Contains("Azurite exited", error.Message);
        Assert.Contains("EADDRINUSE", error.Message);
        Assert.Contains($"--tablePort {busy}", error.Message);
    }

    [Fact]
    public async Task Invalid_options_and_a_missing_installation_are_explained()
    {
        var options = await Assert.ThrowsAsync<ArgumentException>(() => AzuriteProcess.StartAsync(new AzuriteOptions { TablePort = 70000, OAuth = true }));
        var missing = await Assert.ThrowsAsync<InvalidOperationException>(() => AzuriteProcess.StartAsync(new AzuriteOptions { RepositoryRoot = Path.GetTempPath() }));

        Assert.Contains("AzuriteOptions.TablePort", options.Message);
        Assert.Contains("AzuriteOptions.OAuth", options.Message);
        Assert.Contains("npm ci", missing.Message);
    }

    [Fact]
    public void The_repository_root_is_found_by_walking_up_to_the_package_json_that_lists_azurite()
    {
        var root = AzuriteInstallation.FindRoot(AppContext.BaseDirectory);

        Assert.NotNull(root);
        Assert.Contains("\"azurite\"", File.ReadAllText(Path.Combine(root, "package.json")));
        Assert.True(File.Exists(AzuriteInstallation.FindLauncher(null)));
    }
}
