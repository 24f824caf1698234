using Cleanup.Engine.Deletion.InMemory;
using Cleanup.Engine.Jobs;
using Cleanup.Engine.Ports;
using Cleanup.Engine.Rules;
using Cleanup.Engine.Sources;
using Cleanup.Engine.Sync;
using Cleanup.Engine.Sync.InMemory;
using Cleanup.Engine.Workflows;
using Cleanup.Engine.Workflows.InMemory;
using ReadSnapshot = Cleanup.Engine.Workflows.SourceSnapshot;

namespace Cleanup.Engine.Tests.Sync;

/// <summary>
/// The bridge with in-memory stores and one Radarr plus one Jellyfin whose answers the test sets; runs the sync
/// steps the workflows would (evaluate, then persist) so tests read as "sync at this time, then look at the store".
/// </summary>
internal sealed class SyncHarness
{
    public const string Jellyfin = "jellyfin";
    public const string Radarr = "radarr";

    private int runs;

    public SyncHarness(RuleSet? rules = null)
    {
        Rules = new FixedRuleStore(rules ?? RuleSet.Default);
        Evaluation = new LibraryEvaluation(Snapshots, Rules, Media, Keeps, Library);
    }

    public InMemorySnapshotStore Snapshots { get; } = new();

    public FixedRuleStore Rules { get; }

    public InMemoryMediaStore Media { get; } = new();

    public InMemoryKeepStore Keeps { get; } = new();

    public InMemoryLibrarySnapshotStore Library { get; } = new();

    public InMemoryDeletionLedger Ledger { get; } = new();

    public LibraryEvaluation Evaluation { get; }

    public List<ArrMovie> Movies { get; } = [];

    public List<MediaServerItem> ServerItems { get; } = [];

    public List<UserWatchState> WatchStates { get; } = [];

    /// <summary>Jellyfin's read fails (its data is then unknown).</summary>
    public bool JellyfinFails { get; set; }

    public string LastRunId { get; private set; } = string.Empty;

    /// <summary>A movie in Radarr and Jellyfin, added <paramref name="addedDaysAgo"/> before <paramref name="now"/>.</summary>
    public void AddMovie(int tmdb, string title, DateTimeOffset added, long size = 5_000_000_000)
    {
        Movies.Add(new ArrMovie(Radarr, tmdb, title, 2000, tmdb, null, added, added, size, HasFile: true, Monitored: true, [], MovieFileId: 9000 + tmdb));
        ServerItems.Add(new MediaServerItem(Jellyfin, ServerId(tmdb), MediaServerItemType.Movie, title, 2000, new ProviderIds(tmdb, null, null), null, null, null, size, added));
    }

    public static string ServerId(int tmdb) => $"jf{tmdb}";

    public void Watch(string user, int tmdb, DateTimeOffset at) =>
        WatchStates.Add(new UserWatchState(Jellyfin, "u-" + user, user, ServerId(tmdb), Played: true, PlayCount: 1, at, 0, IsFavorite: false));

    /// <summary>What a full sync's evaluate + persist steps do at <paramref name="now"/>.</summary>
    public async Task<(EvaluationSummary Evaluation, PersistSummary Persisted)> FullSyncAsync(DateTimeOffset now)
    {
        var runId = LastRunId = $"run-{++runs}";
        var reads = new List<SourceSyncSummary>
        {
            await ReadAsync(runId, new SourceRef(Radarr, ServiceKind.Radarr, SourceRole.Movies), now, s => s with { Movies = [.. Movies] }),
            JellyfinFails
                ? Failed(new SourceRef(Jellyfin, ServiceKind.Jellyfin, SourceRole.MediaServer), now)
                : await ReadAsync(runId, new SourceRef(Jellyfin, ServiceKind.Jellyfin, SourceRole.MediaServer), now, s => s with
                {
                    Items = [.. ServerItems], WatchStates = [.. WatchStates], NowPlaying = [],
                }),
        };
        var summary = await Evaluation.UnifyAndEvaluateAsync(new EvaluateInput(runId, now, reads), CancellationToken.None);
        return (summary, await Evaluation.PersistChangesAsync(new PersistInput(runId, summary), CancellationToken.None));
    }

    /// <summary>What an incremental sync's steps do: Jellyfin's watch states changed since the last read, plus Jellystat plays.</summary>
    public async Task<(EvaluationSummary Evaluation, PersistSummary Persisted)> IncrementalSyncAsync(
        DateTimeOffset now, IReadOnlyList<UserWatchState> changed, IReadOnlyList<WatchHistoryEntry>? plays = null, bool statisticsFail = false)
    {
        var runId = LastRunId = $"run-{++runs}";
        var reads = new List<SourceSyncSummary>
        {
            JellyfinFails
                ? Failed(new SourceRef(Jellyfin, ServiceKind.Jellyfin, SourceRole.MediaServer), now, SyncMode.WatchChanges)
                : await ReadAsync(runId, new SourceRef(Jellyfin, ServiceKind.Jellyfin, SourceRole.MediaServer), now, s => s with { WatchStates = changed, NowPlaying = [] }, SyncMode.WatchChanges),
        };
        if (statisticsFail)
        {
            reads.Add(Failed(new SourceRef("jellystat", ServiceKind.Jellystat, SourceRole.WatchHistory), now, SyncMode.WatchChanges));
        }
        else if (plays is not null)
        {
            reads.Add(await ReadAsync(runId, new SourceRef("jellystat", ServiceKind.Jellystat, SourceRole.WatchHistory), now, s => s with { History = plays }, SyncMode.WatchChanges));
        }

        var summary = await Evaluation.ApplyWatchChangesAsync(new ApplyWatchChangesInput(runId, now, reads, []), CancellationToken.None);
        return (summary, await Evaluation.PersistChangesAsync(new PersistInput(runId, summary), CancellationToken.None));
    }

    public async Task<MediaRecord> RecordAsync(string id) =>
        await Media.GetAsync(id, CancellationToken.None) ?? throw new Xunit.Sdk.XunitException($"No stored record '{id}'.");

    private async Task<SourceSyncSummary> ReadAsync(string runId, SourceRef source, DateTimeOffset now, Func<ReadSnapshot, ReadSnapshot> fill, SyncMode mode = SyncMode.Full)
    {
        var reference = new SnapshotRef("snapshots", $"{runId}/{source.Name}.json");
        await Snapshots.SaveJsonAsync(reference, fill(new ReadSnapshot(source, mode, now, null)), CancellationToken.None);
        return new SourceSyncSummary(source, mode, SourceOutcome.Ok, 1, null, reference, now);
    }

    private static SourceSyncSummary Failed(SourceRef source, DateTimeOffset now, SyncMode mode = SyncMode.Full) =>
        new(source, mode, SourceOutcome.Failed, 0, "HTTP 500 after 4 attempts", null, now);
}

/// <summary>Serves one rule set (the bridge only loads it).</summary>
internal sealed class FixedRuleStore(RuleSet ruleSet) : IRuleStore
{
    public RuleSet RuleSet { get; set; } = ruleSet;

    public Task<StoredRuleSet> LoadAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new StoredRuleSet(
            [.. RuleSet.Rules.Select((r, i) => new StoredRule($"r{i}", "etag", r))],
            new StoredRuleSettings("etag", RuleSettings.From(RuleSet))));

    public Task<StoredRule?> GetAsync(string id, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<StoredRule> AddAsync(RetentionRule rule, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<StoredRule?> ReplaceAsync(string id, RetentionRule rule, string ifMatch, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<bool> DeleteAsync(string id, string ifMatch, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<StoredRuleSettings> ReplaceSettingsAsync(RuleSettings settings, string ifMatch, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<bool> SeedAsync(RuleSet ruleSet, CancellationToken cancellationToken) => throw new NotSupportedException();
}
