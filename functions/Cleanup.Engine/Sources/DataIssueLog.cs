using System.Globalization;

namespace Cleanup.Engine.Sources;

/// <summary>
/// Collects <see cref="DataIssue"/>s found while reading one source, and turns odd dates into an explicit null
/// (never into "now", never into a crash). Thread-safe; bounded so a broken server cannot exhaust memory, but the
/// count of every issue is kept. The reader of the source drains it after a read.
/// </summary>
public sealed class DataIssueLog(string source, ServiceKind kind, TimeProvider timeProvider, int capacity = 500)
{
    /// <summary>Dates before this are placeholders (year 1, Unix epoch 0), not real events.</summary>
    public static readonly DateTimeOffset Earliest = new(1970, 1, 2, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Clock skew we accept before calling a date "in the future".</summary>
    public static readonly TimeSpan FutureTolerance = TimeSpan.FromDays(2);

    private readonly object sync = new();
    private readonly List<DataIssue> issues = [];
    private long total;

    /// <summary>Every issue reported since the log was created (kept or not).</summary>
    public long TotalReported => Interlocked.Read(ref total);

    public void Report(string itemId, string field, string? value, string problem)
    {
        Interlocked.Increment(ref total);
        lock (sync)
        {
            if (issues.Count < capacity)
            {
                issues.Add(new DataIssue(source, kind, itemId, field, value, problem));
            }
        }
    }

    /// <summary>The issues kept so far, without removing them.</summary>
    public IReadOnlyList<DataIssue> Snapshot()
    {
        lock (sync)
        {
            return [.. issues];
        }
    }

    /// <summary>Returns the issues kept so far and forgets them.</summary>
    public IReadOnlyList<DataIssue> Drain()
    {
        lock (sync)
        {
            var result = issues.ToArray();
            issues.Clear();
            return result;
        }
    }

    /// <summary>The date when it is plausible; null (and an issue) when it is a placeholder or in the future.</summary>
    public DateTimeOffset? Plausible(DateTimeOffset? value, string itemId, string field)
    {
        if (value is not { } date)
        {
            return null;
        }

        if (date < Earliest)
        {
            Report(itemId, field, date.ToString("O", CultureInfo.InvariantCulture), date.Year == 1 ? "placeholder date (year 1); treated as unknown" : "date before 1970; treated as unknown");
            return null;
        }

        if (date > timeProvider.GetUtcNow() + FutureTolerance)
        {
            Report(itemId, field, date.ToString("O", CultureInfo.InvariantCulture), "date in the future; treated as unknown");
            return null;
        }

        return date;
    }

    /// <summary>Parses an ISO 8601 date (UTC assumed when no offset is given), then checks it is plausible.</summary>
    public DateTimeOffset? ParseIso(string? text, string itemId, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date))
        {
            Report(itemId, field, text, "not a date; treated as unknown");
            return null;
        }

        return Plausible(date, itemId, field);
    }

    /// <summary>Converts Unix epoch seconds (Plex, Tautulli), then checks it is plausible. 0 means "never" and is null without an issue.</summary>
    public DateTimeOffset? FromUnixSeconds(long? seconds, string itemId, string field)
    {
        if (seconds is not { } s || s == 0)
        {
            return null;
        }

        if (s < -62_135_596_800 || s > 253_402_300_799)
        {
            Report(itemId, field, s.ToString(CultureInfo.InvariantCulture), "epoch seconds out of range; treated as unknown");
            return null;
        }

        return Plausible(DateTimeOffset.FromUnixTimeSeconds(s), itemId, field);
    }
}
