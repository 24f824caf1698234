using System.Text.Json;
using Cleanup.Api.Health;
using Cleanup.Api.Hosting;
using Cleanup.Api.Jobs;
using Cleanup.Api.Webhooks;
using Cleanup.Engine.Deletion;
using Cleanup.Engine.Jobs;
using Cleanup.Engine.Ports;
using Cleanup.Engine.Workflows;
using Cleanup.Integrations.Http;
using Cleanup.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cleanup.Server.Tests.Hosting;

/// <summary>
/// The Functions host cannot be built here, so what it relies on from the shared projects is checked here: the
/// composition resolves everything its HTTP functions inject, and the orchestration names and run ids behave.
/// </summary>
public sealed class FunctionsHostCompositionTests
{
    [Fact]
    public void The_shared_composition_resolves_what_the_functions_inject()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Webhooks:Secret"] = "0123456789abcdef0123",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddCleanupCore(configuration, new StorageSettings { ConnectionString = "UseDevelopmentStorage=true" }, new HostInfo(DateTimeOffset.UnixEpoch, "live"));
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });

        Assert.NotNull(provider.GetRequiredService<IStorageHealth>());
        Assert.NotNull(provider.GetRequiredService<IMediaStore>());
        Assert.NotNull(provider.GetRequiredService<IKeepStore>());
        Assert.NotNull(provider.GetRequiredService<IRuleStore>());
        Assert.NotNull(provider.GetRequiredService<ILibrarySnapshotStore>());
        Assert.NotNull(provider.GetRequiredService<IEnumerable<IServiceProbe>>());
        Assert.NotNull(provider.GetRequiredService<CleanupStorageSetup>());
        Assert.Equal("0123456789abcdef0123", provider.GetRequiredService<WebhookOptions>().Secret);
        Assert.Equal(DeletionMode.DryRun, provider.GetRequiredService<IOptions<DeletionOptions>>().Value.Mode);
        Assert.Equal(
            ActivityNamesInUse().Order(StringComparer.Ordinal),
            provider.GetRequiredService<ActivityRegistry>().Names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_service_marked_not_required_is_optional_for_the_anomaly_stop()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Services:Radarr:0:Url"] = "http://127.0.0.1:7878",
            ["Services:Radarr:0:ApiKey"] = "k",
            ["Services:Radarr:1:Name"] = "radarr-4k",
            ["Services:Radarr:1:Url"] = "http://127.0.0.1:7879",
            ["Services:Radarr:1:ApiKey"] = "k",
            ["Services:Radarr:1:Required"] = "false",
            ["Deletion:OptionalSources:0"] = "jellystat",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddCleanupCore(configuration, new StorageSettings { ConnectionString = "UseDevelopmentStorage=true" }, new HostInfo(DateTimeOffset.UnixEpoch, "live"));
        using var provider = services.BuildServiceProvider();

        Assert.Equal(["jellystat", "radarr-4k"], provider.GetRequiredService<IOptions<DeletionOptions>>().Value.OptionalSources);
    }

    [Fact]
    public void Each_workflow_has_its_own_fixed_instance_id()
    {
        var ids = Enum.GetValues<JobKind>().Select(OrchestratedRuns.InstanceIdOf).ToList();

        Assert.Equal(["cleanup-fullsync", "cleanup-incrementalsync", "cleanup-cleanup"], ids);
        Assert.Equal(ids, OrchestratedRuns.InstanceIds);
    }

    [Fact]
    public void Runs_of_one_instance_get_different_run_ids_and_a_replay_the_same()
    {
        var start = new DateTimeOffset(2026, 5, 12, 3, 0, 0, 123, TimeSpan.Zero);

        var first = OrchestratedRuns.RunIdOf("cleanup-cleanup", start);

        Assert.Equal("cleanup-cleanup-20260512T030000123Z", first);
        Assert.Equal(first, OrchestratedRuns.RunIdOf("cleanup-cleanup", start.ToOffset(TimeSpan.FromHours(2))));
        Assert.NotEqual(first, OrchestratedRuns.RunIdOf("cleanup-cleanup", start.AddMilliseconds(1)));
    }

    [Fact]
    public void Who_started_a_run_reads_back_without_knowing_the_workflow_input()
    {
        var json = JsonSerializer.Serialize(new WorkflowRun<CleanupInput>(new CleanupInput("user:ann"), JobTrigger.User, "user:ann"));

        var info = JsonSerializer.Deserialize<WorkflowRunInfo>(json);

        Assert.Equal(new WorkflowRunInfo(JobTrigger.User, "user:ann"), info);
    }

    /// <summary>Every name the Functions host declares an activity function for.</summary>
    private static IEnumerable<string> ActivityNamesInUse() =>
        typeof(ActivityNames).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);
}
