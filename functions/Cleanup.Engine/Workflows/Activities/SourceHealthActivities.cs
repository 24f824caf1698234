using Cleanup.Engine.Deletion;
using Cleanup.Engine.Ports;

namespace Cleanup.Engine.Workflows.Activities;

/// <summary>Folds this run's reads into each source's health; reports the anomalies found.</summary>
public sealed class RecordSourceHealthActivity(ISourceHealthStore store, DeletionOptions options)
    : IActivity<RecordSourceHealthInput, SourceHealthReport>
{
    public static string Name => ActivityNames.RecordSourceHealth;

    public async Task<SourceHealthReport> RunAsync(RecordSourceHealthInput input, CancellationToken cancellationToken)
    {
        var existing = (await store.ListAsync(cancellationToken).ConfigureAwait(false))
            .ToDictionary(h => h.Source, StringComparer.OrdinalIgnoreCase);
        var updated = input.Sources
            .Select(read => SourceHealthTracker.Apply(existing.GetValueOrDefault(read.Source.Name), read, options))
            .ToList();
        await store.SaveAsync(updated, cancellationToken).ConfigureAwait(false);
        return new SourceHealthReport([.. updated.Where(h => h.Anomaly is not null).Select(h => h.Anomaly!)]);
    }
}

/// <summary>Where each source's incremental read starts: its last good read, minus an overlap for clock skew.</summary>
public sealed class LoadSyncCursorsActivity(ISourceHealthStore store) : IActivity<LoadSyncCursorsInput, IReadOnlyList<SyncCursor>>
{
    /// <summary>Re-reads a little before the cursor: the service's clock and ours may disagree; re-reading is harmless.</summary>
    public static readonly TimeSpan Overlap = TimeSpan.FromMinutes(5);

    public static string Name => ActivityNames.LoadSyncCursors;

    public async Task<IReadOnlyList<SyncCursor>> RunAsync(LoadSyncCursorsInput input, CancellationToken cancellationToken)
    {
        var health = (await store.ListAsync(cancellationToken).ConfigureAwait(false))
            .ToDictionary(h => h.Source, StringComparer.OrdinalIgnoreCase);
        return
        [
            .. input.Sources.Select(s => new SyncCursor(s, health.GetValueOrDefault(s)?.LastGoodReadAt is { } at ? at - Overlap : null)),
        ];
    }
}
