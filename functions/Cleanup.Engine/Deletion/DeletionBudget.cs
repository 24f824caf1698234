using System.Globalization;

namespace Cleanup.Engine.Deletion;

/// <summary>The most one run may delete: a cap on items and on bytes. Items beyond it wait for a later run.</summary>
public sealed record DeletionBudget(int MaxItems, long MaxBytes)
{
    public const long BytesPerGigabyte = 1024L * 1024 * 1024;

    /// <summary>
    /// Takes candidates in order while they fit; one that would exceed the bytes is skipped and later smaller ones
    /// may still fit. Returns what to act on and what was skipped, with the reason.
    /// </summary>
    public (IReadOnlyList<DeletionCandidate> Accepted, IReadOnlyList<(DeletionCandidate Candidate, string Reason)> Skipped) Apply(IEnumerable<DeletionCandidate> candidates)
    {
        var accepted = new List<DeletionCandidate>();
        var skipped = new List<(DeletionCandidate, string)>();
        long bytes = 0;
        foreach (var candidate in candidates)
        {
            if (accepted.Count >= MaxItems)
            {
                skipped.Add((candidate, $"over the run's budget of {MaxItems} item(s)"));
            }
            else if (bytes + Math.Max(0, candidate.SizeBytes) > MaxBytes)
            {
                skipped.Add((candidate, $"over the run's budget of {Format(MaxBytes)} ({Format(bytes)} already planned, this item is {Format(candidate.SizeBytes)})"));
            }
            else
            {
                accepted.Add(candidate);
                bytes += Math.Max(0, candidate.SizeBytes);
            }
        }

        return (accepted, skipped);
    }

    internal static string Format(long bytes) =>
        bytes >= BytesPerGigabyte
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)BytesPerGigabyte:0.#} GB")
            : string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MB");
}
