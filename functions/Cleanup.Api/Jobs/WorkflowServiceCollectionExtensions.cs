using Cleanup.Api.Webhooks;
using Cleanup.Engine.Deletion;
using Cleanup.Engine.Deletion.InMemory;
using Cleanup.Engine.Jobs;
using Cleanup.Engine.Jobs.InMemory;
using Cleanup.Engine.Notifications;
using Cleanup.Engine.Notifications.InMemory;
using Cleanup.Engine.Ports;
using Cleanup.Engine.Workflows;
using Cleanup.Engine.Workflows.InMemory;
using Cleanup.Integrations.Notifications;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cleanup.Api.Jobs;

/// <summary>Wires the workflows, the in-process job runner, notifications and the webhook settings.</summary>
public static class WorkflowServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates (at start-up) <c>Deletion</c>, <c>Collections</c>, <c>Notifications</c>, <c>Schedules</c>,
    /// <c>Webhooks</c> and <c>Jobs</c>; registers the activity registry, the notification sender and
    /// <see cref="JobRunner"/> as <see cref="IJobStarter"/>. The host registers the ports the activities use
    /// (see <see cref="CleanupActivities"/>); all must be singletons.
    /// </summary>
    public static IServiceCollection AddCleanupWorkflows(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSettings<DeletionOptions>(configuration, DeletionOptions.Section, o => o.Validate());
        services.AddSettings<LeavingSoonCollectionOptions>(configuration, LeavingSoonCollectionOptions.Section, o => o.Validate());
        services.AddSettings<NotificationOptions>(configuration, NotificationOptions.Section, o => o.Validate());
        services.AddSettings<ScheduleOptions>(configuration, ScheduleOptions.Section, o => o.Validate());
        services.AddSettings<WebhookOptions>(configuration, WebhookOptions.Section, o => o.Validate());
        services.AddSettings<JobRunnerOptions>(configuration, "Jobs", o =>
            o.LeaseDuration < TimeSpan.FromSeconds(15) ? ["Jobs:LeaseDuration must be at least 00:00:15."] : []);

        services.TryAddSingleton(sp => sp.GetRequiredService<NotificationOptions>().Schedule);
        services.TryAddSingleton<INotificationSender>(sp => new NotificationSender(sp.GetRequiredService<NotificationOptions>()));
        services.TryAddSingleton(_ => new ActivityRegistry().AddCleanupActivities());
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<JobRunnerOptions>();
            var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger<JobRunner>();
            options.OnBackgroundError ??= (message, ex) => logger.LogWarning(ex, "{Message}", message);
            return new JobRunner(
                sp.GetRequiredService<IJobStore>(),
                sp.GetRequiredService<IJobLease>(),
                sp.GetRequiredService<ActivityRegistry>(),
                sp,
                sp.GetRequiredService<TimeProvider>(),
                options);
        });
        services.TryAddSingleton<IJobStarter>(sp => sp.GetRequiredService<JobRunner>());
        return services;
    }

    /// <summary>Runs the workflows on their <c>Schedules</c> in this process.</summary>
    public static IServiceCollection AddWorkflowSchedules(this IServiceCollection services)
    {
        services.AddHostedService<ScheduledWorkflowsService>();
        return services;
    }

    /// <summary>
    /// In-memory state for everything the workflows persist (jobs, lease, snapshots, source health, deletion
    /// ledger, audit, notification ledger), for demo mode and tests. Only fills what is not registered yet.
    /// </summary>
    public static IServiceCollection AddInMemoryWorkflowState(this IServiceCollection services)
    {
        services.TryAddSingleton<IJobStore, InMemoryJobStore>();
        services.TryAddSingleton<IJobLease>(sp => new InMemoryJobLease(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<ISnapshotStore, InMemorySnapshotStore>();
        services.TryAddSingleton<ISourceHealthStore, InMemorySourceHealthStore>();
        services.TryAddSingleton<IDeletionLedger, InMemoryDeletionLedger>();
        services.TryAddSingleton<IAuditLog, InMemoryAuditLog>();
        services.TryAddSingleton<INotificationLedger, InMemoryNotificationLedger>();
        return services;
    }

    private static void AddSettings<T>(this IServiceCollection services, IConfiguration configuration, string section, Func<T, IReadOnlyList<string>> validate)
        where T : class
    {
        services.AddOptions<T>().Bind(section.Length == 0 ? configuration : configuration.GetSection(section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<T>>(new SettingsValidation<T>(validate));
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<T>>().Value);
    }
}
