using Cleanup.Api.Health;
using Cleanup.Api.Hosting;
using Cleanup.Api.Jobs;
using Cleanup.Storage;

namespace Cleanup.Server;

/// <summary>The self-host's composition root: the same core as the Functions host, plus the in-process schedules.</summary>
internal static class ServerServices
{
    public static IServiceCollection AddCleanupServer(
        this IServiceCollection services, IConfiguration configuration, StorageSettings storage, HostInfo host, TimeProvider? timeProvider = null)
    {
        if (timeProvider is not null)
        {
            services.AddSingleton(timeProvider); // before the core's TryAdd of the system clock
        }

        try
        {
            services.AddCleanupCore(configuration, storage, host);
        }
        catch (ArgumentException ex)
        {
            throw new StartupException(ex.Message, ex);
        }

        // The Functions host runs the workflows from timer triggers; the self-host schedules them itself.
        services.AddWorkflowSchedules();
        return services;
    }
}
