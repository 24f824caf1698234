using Cleanup.Engine.Sources;

namespace Cleanup.Engine.Ports;

/// <summary>Jellystat or Tautulli. Reads throw <see cref="SourceReadException"/> when they fail.</summary>
public interface IWatchHistorySource
{
    string Name { get; }

    /// <summary>Jellystat or Tautulli (added for job reports; implementations with a public Kind property satisfy it).</summary>
    ServiceKind Kind => ServiceKind.Jellystat;

    /// <summary>
    /// The configured media server whose plays it records (added so a failed read makes only that server's items
    /// unknown; implementations with a public MediaServer property satisfy it). Null = not known: every item becomes unknown.
    /// </summary>
    string? MediaServer => null;

    /// <summary>Plays since <paramref name="since"/> (all history when null), all pages.</summary>
    Task<IReadOnlyList<WatchHistoryEntry>> ListHistoryAsync(DateTimeOffset? since, CancellationToken cancellationToken);
}
