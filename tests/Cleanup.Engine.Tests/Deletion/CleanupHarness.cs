using Cleanup.Engine.Deletion;
using Cleanup.Engine.Deletion.InMemory;
using Cleanup.Engine.Jobs;
using Cleanup.Engine.Notifications;
using Cleanup.Engine.Notifications.InMemory;
using Cleanup.Engine.Ports;
using Cleanup.Engine.Sources;
using Cleanup.Engine.Tests.Workflows.Support;
using Cleanup.Engine.Workflows;
using Cleanup.Engine.Workflows.InMemory;

namespace Cleanup.Engine.Tests.Deletion;

/// <summary>
/// The cleanup workflow with its real activities, over in-memory ports and fake services: Radarr, Jellyfin and
/// Jellyseerr, all with healthy recent reads unless a test says otherwise.
/// </summary>
public sealed class CleanupHarness
{
    public static readonly DateTimeOffset Now = new(2026, 5, 1, 3, 0, 0, TimeSpan.Zero);

    public CleanupHarness()
    {
        Catalog.Movies.Add(Radarr);
        Catalog.Servers.Add(Jellyfin);
        Catalog.Requests.Add(Seerr);
        Registry.AddCleanupActivities();
        Services
            .Add<IServiceCatalog>(Catalog)
            .Add<TimeProvider>(Clock)
            .Add(Options)
            .Add<ISourceHealthStore>(Health)
            .Add<IDeletionCandidateSource>(Candidates)
            .Add<IAuditLog>(Audit)
            .Add<IItemRecheck>(Recheck)
            .Add<IDeletionLedger>(Ledger)
            .Add<ILeavingSoonSource>(LeavingSoon)
            .Add<INotificationSender>(Sender)
            .Add<INotificationLedger>(new InMemoryNotificationLedger())
            .Add(NotificationSchedule.Default)
            .Add(new LeavingSoonCollectionOptions())
            .Add<ISnapshotStore>(new InMemorySnapshotStore());
        foreach (var source in new[] { ("radarr", ServiceKind.Radarr), ("jellyfin", ServiceKind.Jellyfin), ("jellyseerr", ServiceKind.Jellyseerr) })
        {
            Health.SaveAsync([Healthy(source.Item1, source.Item2, 100)], default).GetAwaiter().GetResult();
        }
    }

    public ManualTimeProvider Clock { get; } = new(Now);

    public FakeCatalog Catalog { get; } = new();

    public FakeRadarr Radarr { get; } = new();

    public FakeMediaServer Jellyfin { get; } = new();

    public FakeRequests Seerr { get; } = new();

    public DeletionOptions Options { get; } = new();

    public InMemorySourceHealthStore Health { get; } = new();

    public FakeCandidates Candidates { get; } = new();

    public InMemoryAuditLog Audit { get; } = new();

    public FakeRecheck Recheck { get; } = new();

    public InMemoryDeletionLedger Ledger { get; } = new();

    public FakeLeavingSoon LeavingSoon { get; } = new();

    public RecordingSender Sender { get; } = new();

    public ActivityRegistry Registry { get; } = new();

    public TestServices Services { get; } = new();

    public void AllowDeletion()
    {
        Options.DryRun = false;
        Options.EnableDeletion = true;
    }

    public static SourceHealth Healthy(string name, ServiceKind kind, int count) =>
        new(name, kind, Now.AddMinutes(-30), SourceOutcome.Ok, null, Now.AddMinutes(-30), count, count, 0, null);

    /// <summary>A due movie in Radarr (added to the fake) with its Jellyfin item and Seerr media.</summary>
    public DeletionCandidate DueMovie(int id, string title, long size = 2 * DeletionBudget.BytesPerGigabyte, DeletionAction action = DeletionAction.Delete, bool exclusion = false)
    {
        var movie = Radarr.AddMovie(id, title, size);
        var candidate = new DeletionCandidate(
            $"movie:tmdb:{movie.TmdbId}",
            title,
            DeletionMediaType.Movie,
            size,
            action,
            "default movies: 30d after added",
            ["added 2026-03-01", "not watched by anyone", "leaving soon since 2026-04-17"],
            new DeletionTargets([new ArrTarget("radarr", ServiceKind.Radarr, id, FileIds: [movie.MovieFileId!.Value])], [new RequestTarget("jellyseerr", 700 + id)], [new MediaServerTarget("jellyfin", $"jf{id}")]),
            exclusion,
            Now.AddDays(-14),
            Now.AddDays(-1).AddMinutes(id));
        Candidates.Due.Add(candidate);
        return candidate;
    }

    public Task<CleanupResult> RunAsync(string runId = "run-1", string actor = "schedule") =>
        Clock.PumpAsync(new CleanupWorkflow().RunAsync(new InProcessWorkflowContext(runId, Registry, Services, Clock), new CleanupInput(actor)));
}
