using Cleanup.Api.Hosting;
using Microsoft.Extensions.Hosting;

namespace Cleanup.FunctionsHost;

/// <summary>
/// Creates the tables and seeds the rules when the worker starts (after the options were validated), so a wrong
/// storage setting stops the start with a message instead of failing every request.
/// </summary>
internal sealed class StorageSetupService(CleanupStorageSetup setup) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => setup.EnsureCreatedAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
