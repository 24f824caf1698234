using System.Collections.Concurrent;
using Cleanup.Api.Deletions;
using Cleanup.Api.Jobs;
using Cleanup.Api.Webhooks;
using Cleanup.Engine.Jobs;
using Cleanup.Engine.Ports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cleanup.Server.Tests.Api;

/// <summary>The jobs, deletions and webhooks APIs on a real Kestrel server on 127.0.0.1, with in-memory state.</summary>
public sealed class ApiHost : IAsyncDisposable
{
    private WebApplication app = null!;

    public HttpClient Client { get; private set; } = null!;

    public IServiceProvider Services => app.Services;

    public static async Task<ApiHost> StartAsync(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var host = new ApiHost();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Services.AddProblemDetails();
        configure?.Invoke(builder.Services);
        builder.Services.AddCleanupWorkflows(builder.Configuration).AddInMemoryWorkflowState();
        host.app = builder.Build();
        host.app.MapJobsApi().MapDeletionsApi().MapWebhooksApi();
        await host.app.StartAsync();
        var address = host.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        host.Client = new HttpClient { BaseAddress = new Uri(address) };
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

/// <summary>Records requests; answers "started" unless a job of that kind is marked running.</summary>
public sealed class FakeStarter : IJobStarter
{
    private int ids;

    public ConcurrentQueue<JobRequest> Requests { get; } = new();

    public Dictionary<JobKind, string> Running { get; } = [];

    public Task<JobStartResult> StartAsync(JobRequest request, CancellationToken cancellationToken)
    {
        Requests.Enqueue(request);
        var started = !Running.TryGetValue(request.Kind, out var runningId);
        var id = runningId ?? $"job-{Interlocked.Increment(ref ids)}";
        var job = new Job(id, request.Kind, JobStatus.Running, request.Trigger, DateTimeOffset.UnixEpoch, null, null, [], []);
        return Task.FromResult(new JobStartResult(started, job));
    }
}
