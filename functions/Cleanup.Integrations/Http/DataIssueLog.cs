using System.Collections.Concurrent;
using System.Globalization;
using Cleanup.Engine.Sources;

namespace Cleanup.Integrations.Http;

/// <summary>
/// Collects the <see cref="DataIssue"/>s of one client and reads dates defensively: a placeholder (year 1, 9999),
/// an unparsable string or a "happened" date in the future becomes null and is recorded, never replaced by "now".
/// Bounded, so a client nobody drains cannot grow without limit.
/// </summary>
internal sealed class DataIssueLog(string source, ServiceKind kind, TimeProvider timeProvider)
{
    private const int Capacity = 1000;

    /// <summary>Servers write "no date" as year 1 or as the maximum date; nothing real is that old or that far away.</summary>
    private static readonly DateTimeOffset Earliest = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Latest = new(2200, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Clock skew between the service and us that is still believed for "happened" dates.</summary>
    private static readonly TimeSpan FutureTolerance = TimeSpan.FromDays(1);

    private readonly ConcurrentQueue<DataIssue> issues = new();
    private int dropped;

    public void Record(string item, string field, string? rawValue, string problem)
    {
        if (issues.Count >= Capacity)
        {
            Interlocked.Increment(ref dropped);
            return;
        }

        issues.Enqueue(new DataIssue(source, kind, item, field, rawValue, problem));
    }

    public IReadOnlyList<DataIssue> Take()
    {
        var taken = new List<DataIssue>();
        while (issues.TryDequeue(out var issue))
        {
            taken.Add(issue);
        }

        var lost = Interlocked.Exchange(ref dropped, 0);
        if (lost > 0)
        {
            taken.Add(new DataIssue(source, kind, "(further items)", "-", null, $"{lost} more issues were not kept"));
        }

        return taken;
    }

    /// <summary>A moment that has already happened (added, imported, requested).</summary>
    /// <param name="expected">Record an issue when the field is missing (e.g. Radarr always sends <c>added</c>).</param>
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
