using System.Globalization;
using Cleanup.Engine.Sources;

namespace Cleanup.Integrations.Http;

/// <summary>
/// Collects the <see cref="DataIssue"/>s of one client and reads dates defensively: a placeholder (year 1, 9999),
/// an unparsable string or a "happened" date in the future becomes null and is recorded, never replaced by "now".
/// Bounded, so a client nobody drains cannot grow without limit.
/// </summary>
internal sealed class IssueRecorder(string source, ServiceKind kind, TimeProvider timeProvider)
{
    private static readonly DateTimeOffset Earliest = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Latest = new(2200, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly TimeSpan FutureTolerance = TimeSpan.FromDays(1);

    /// <summary>The shared, bounded log the issues land in (the same kind every client keeps).</summary>
    public DataIssueLog Log { get; } = new(source, kind, timeProvider, capacity: 1000);

    public void Record(string item, string field, string? rawValue, string problem) => Log.Report(item, field, rawValue, problem);

    private long reportedBefore;

    /// <summary>Everything recorded since the last call, plus one line saying how many did not fit in the log.</summary>
    public IReadOnlyList<DataIssue> Take()
    {
        var taken = Log.Drain();
        var total = Log.TotalReported;
        var lost = total - Interlocked.Exchange(ref reportedBefore, total) - taken.Count;
        return lost > 0 ? [.. taken, new DataIssue(source, kind, "(further items)", "-", null, $"{lost} more issues were not kept")] : taken;
    }

    public DateTimeOffset? Happened(string? raw, string item, string field, bool expected = false)
    {
        var value = Parse(raw, item, field, expected);
        if (value is { } v && v > timeProvider.GetUtcNow() + FutureTolerance)
        {
            Record(item, field, raw, "date lies in the future for something that already happened; treated as unknown");
            return null;
        }

        return value;
    }

    /// <summary>A scheduled moment (air dates) that may lie in the future, but not at a placeholder.</summary>
    public DateTimeOffset? Scheduled(string? raw, string item, string field) => Parse(raw, item, field, expected: false);

    private DateTimeOffset? Parse(string? raw, string item, string field, bool expected)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            if (expected)
            {
                Record(item, field, raw, "missing; treated as unknown");
            }

            return null;
        }

        if (!DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
        {
            Record(item, field, raw, "not a date; treated as unknown");
            return null;
        }

        if (value < Earliest)
        {
            Record(item, field, raw, "placeholder date before 1900 (the service's 'no date'); treated as unknown");
            return null;
        }

        if (value >= Latest)
        {
            Record(item, field, raw, "placeholder far-future date; treated as unknown");
            return null;
        }

        return value;
    }
}
