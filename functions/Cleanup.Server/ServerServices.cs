using Cleanup.Api.Health;
using Cleanup.Api.Hosting;
using Cleanup.Storage;

namespace Cleanup.Server;

/// <summary>The self-host's composition root: the same core as the Functions host, plus what only the self-host has.</summary>
internal static class ServerServices
{
    public static IServiceCollection AddCleanupServer(this IServiceCollection services, IConfiguration configuration, StorageSettings storage, HostInfo host)
    {
        try
        {
            services.AddCleanupCore(configuration, storage, host);
        }
        catch (ArgumentException ex)
        {
            throw new StartupException(ex.Message, ex);
        }

        return services;
    }
}
