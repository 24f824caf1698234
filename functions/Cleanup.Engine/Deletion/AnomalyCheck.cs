using System.Globalization;
using Cleanup.Engine.Jobs;
using Cleanup.Engine.Workflows;

namespace Cleanup.Engine.Deletion;

/// <summary>
/// Decides whether the data behind this run's deletions can be trusted. Any required source that failed its
/// latest read, that has never been read, whose last good read is too old, or whose last full read dropped far
/// below its baseline stops every deletion of the run.
/// </summary>
public static class AnomalyCheck
{
    public static AnomalyReport Evaluate(IEnumerable<SourceRef> configured, IReadOnlyList<SourceHealth> health, DateTimeOffset now, DeletionOptions options)
    {
        var byName = health.ToDictionary(h => h.Source, StringComparer.OrdinalIgnoreCase);
        var optional = new HashSet<string>(options.OptionalSources, StringComparer.OrdinalIgnoreCase);
        var reasons = new List<string>();
        foreach (var source in configured.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            if (optional.Contains(source.Name))
            {
                continue;
            }

            var label = $"{source.Kind} '{source.Name}'";
            if (!byName.TryGetValue(source.Name, out var h))
            {
                reasons.Add($"{label} has not been read yet");
                continue;
            }

            if (h.LastOutcome == SourceOutcome.Failed)
            {
                reasons.Add($"{label} failed its last read: {h.LastError}");
            }
            else if (h.LastGoodReadAt is not { } good || now - good > options.MaxSyncAge)
            {
                reasons.Add(string.Create(CultureInfo.InvariantCulture, $"{label} was last read successfully at {h.LastGoodReadAt:u}, more than {options.MaxSyncAge} ago"));
            }

            if (h.Anomaly is { } anomaly)
            {
                reasons.Add(anomaly);
            }
        }

        return new AnomalyReport(reasons);
    }
}
