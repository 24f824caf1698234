using Cleanup.Engine.Jobs;
using Cleanup.Engine.Library;
using Cleanup.Engine.Ports;
using Cleanup.Engine.Sources;
using Cleanup.Engine.Workflows;
using ReadSnapshot = Cleanup.Engine.Workflows.SourceSnapshot;
using RulesSnapshot = Cleanup.Engine.Library.SourceSnapshot;

namespace Cleanup.Engine.Sync;

/// <summary>
/// Everything the sources told the sync, gathered into the rules' input (<see cref="RulesSnapshot"/>). A full sync
/// starts empty and adds each source's blob; an incremental sync starts from the last full one and folds in what
/// changed. A source whose read failed adds a <see cref="SourceFailure"/>, never an empty list.
/// </summary>
internal sealed class SyncedSources
{
    private readonly List<ArrMovie> movies;
    private readonly List<ArrSeries> series;
    private readonly List<ArrEpisode> episodes;
    private readonly List<MediaServerItem> items;
    private readonly Dictionary<(string Server, string UserId, string ItemId), UserWatchState> watchStates;
    private readonly List<NowPlaying> nowPlaying;
    private readonly List<MediaRequest> requests;
    private readonly List<WatchHistoryEntry> history;
    private readonly HashSet<(string, string, string, DateTimeOffset)> historyKeys;
    private readonly Dictionary<string, SourceFailure> failures = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, ServiceKind> kinds = new(StringComparer.OrdinalIgnoreCase);

    // Failures of the run itself (incremental): they make this evaluation unknown but are not kept in the base.
    private readonly Dictionary<string, SourceFailure> runFailures = new(StringComparer.OrdinalIgnoreCase);

    private SyncedSources(RulesSnapshot start)
    {
        movies = [.. start.Movies];
        series = [.. start.Series];
        episodes = [.. start.Episodes];
        items = [.. start.MediaServerItems];
        watchStates = [];
        foreach (var state in start.WatchStates)
        {
            watchStates[(state.Server, state.UserId, state.ItemId)] = state;
        }

        nowPlaying = [.. start.NowPlaying];
        requests = [.. start.Requests];
        history = [.. start.History];
        historyKeys = [.. history.Select(HistoryKey)];
        foreach (var failure in start.Failures)
        {
            failures[failure.Source] = failure;
        }

        foreach (var (name, kind) in start.SourceKinds)
        {
            kinds[name] = kind;
        }
    }

    public static SyncedSources Empty() => new(new RulesSnapshot());

    /// <summary>Starts from the merged data of the last sync (the base an incremental sync changes).</summary>
    public static SyncedSources From(RulesSnapshot previous) => new(previous);

    /// <summary>True when any source failed (in the base or in this run): vanished items may only be missing.</summary>
    public bool AnyFailed => failures.Count > 0 || runFailures.Count > 0;

    public IEnumerable<SourceFailure> Failures => failures.Values.Concat(runFailures.Values.Where(f => !failures.ContainsKey(f.Source)));

    /// <summary>Adds a full read of one source (a full sync).</summary>
    public void AddFull(ReadSnapshot read)
    {
        Remember(read.Source);
        movies.AddRange(read.Movies ?? []);
        series.AddRange(read.Series ?? []);
        episodes.AddRange(read.Episodes ?? []);
        items.AddRange(read.Items ?? []);
        foreach (var state in read.WatchStates ?? [])
        {
            watchStates[(state.Server, state.UserId, state.ItemId)] = state;
        }

        nowPlaying.AddRange(read.NowPlaying ?? []);
        requests.AddRange(read.Requests ?? []);
        AddHistory(read.History ?? []);
    }

    /// <summary>
    /// Folds one read of an incremental sync into the base: lists read whole replace that source's part, watch states
    /// replace the same user's state of the same item, now playing is replaced per server, plays are added once.
    /// </summary>
    public void Apply(ReadSnapshot read)
    {
        var name = read.Source.Name;
        Remember(read.Source);
        if (read.Movies is { } newMovies)
        {
            movies.RemoveAll(m => Same(m.Instance, name));
            movies.AddRange(newMovies);
            failures.Remove(name);
        }

        if (read.Series is { } newSeries)
        {
            series.RemoveAll(s => Same(s.Instance, name));
            series.AddRange(newSeries);
            if (read.Episodes is { } newEpisodes)
            {
                episodes.RemoveAll(e => Same(e.Instance, name));
                episodes.AddRange(newEpisodes);
                failures.Remove(name);
            }
            else
            {
                // Episodes are only read by a full sync: keep those of series that are still there.
                var ids = newSeries.Select(s => s.Id).ToHashSet();
                episodes.RemoveAll(e => Same(e.Instance, name) && !ids.Contains(e.SeriesId));
            }
        }

        if (read.Items is { } newItems)
        {
            items.RemoveAll(i => Same(i.Server, name));
            items.AddRange(newItems);
            failures.Remove(name);
        }

        foreach (var state in read.WatchStates ?? [])
        {
            watchStates[(state.Server, state.UserId, state.ItemId)] = state;
        }

        if (read.NowPlaying is { } playing)
        {
            nowPlaying.RemoveAll(p => Same(p.Server, name));
            nowPlaying.AddRange(playing);
        }

        if (read.Requests is { } newRequests)
        {
            requests.RemoveAll(r => Same(r.Instance, name));
            requests.AddRange(newRequests);
            failures.Remove(name);
        }

        AddHistory(read.History ?? []);
    }

    /// <summary>A source whose read failed: its data is unknown (a full sync's failure stays in the base).</summary>
    /// <param name="mediaServer">For Jellystat/Tautulli: the server whose plays it records.</param>
    public void Fail(Workflows.SourceRef source, string reason, string? mediaServer, bool thisRunOnly)
    {
        Remember(source);
        var failure = new SourceFailure(source.Name, source.Kind, reason, mediaServer);
        (thisRunOnly ? runFailures : failures)[source.Name] = failure;
    }

    /// <summary>The rules' input: everything gathered, with every failure (base and this run).</summary>
    public RulesSnapshot ToSnapshot() => Snapshot([.. Failures]);

    /// <summary>What the next incremental sync starts from: without failures that were only this run's.</summary>
    public RulesSnapshot ToBase() => Snapshot([.. failures.Values]);

    private RulesSnapshot Snapshot(IReadOnlyList<SourceFailure> withFailures) => new()
    {
        Movies = [.. movies],
        Series = [.. series],
        Episodes = [.. episodes],
        MediaServerItems = [.. items],
        WatchStates = [.. watchStates.Values],
        NowPlaying = [.. nowPlaying],
        Requests = [.. requests],
        History = [.. history],
        Failures = withFailures,
        SourceKinds = new Dictionary<string, ServiceKind>(kinds, StringComparer.OrdinalIgnoreCase),
    };

    private void Remember(Workflows.SourceRef source) => kinds[source.Name] = source.Kind;

    private void AddHistory(IEnumerable<WatchHistoryEntry> entries)
    {
        foreach (var entry in entries)
        {
            // Incremental reads overlap the previous one on purpose; a play counted twice would inflate play counts.
            if (historyKeys.Add(HistoryKey(entry)))
            {
                history.Add(entry);
            }
        }
    }

    private static (string, string, string, DateTimeOffset) HistoryKey(WatchHistoryEntry e) => (e.Source, e.UserName, e.ItemId, e.WatchedAt);

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}

/// <summary>How a source's read went, with its blob when it succeeded.</summary>
internal static class SourceSyncSummaryExtensions
{
    public static bool Succeeded(this SourceSyncSummary read) => read.Outcome == SourceOutcome.Ok && read.Snapshot is not null;

    public static string FailureReason(this SourceSyncSummary read) =>
        read.Error ?? (read.Outcome == SourceOutcome.Ok ? "its read stored no snapshot" : "its read failed");
}
