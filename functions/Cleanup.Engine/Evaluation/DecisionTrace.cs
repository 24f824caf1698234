using Cleanup.Engine.Library;
using Cleanup.Engine.Protections;

namespace Cleanup.Engine.Evaluation;

/// <summary>
/// Why an item got its decision: the structured facts (rule, basis, dates, protections) and the same as short
/// sentences for people. The sentences are written on first use, so evaluating a large library costs no text.
/// </summary>
public sealed class DecisionTrace
{
    private IReadOnlyList<string>? sentences;

    public required MediaType MediaType { get; init; }

    public RuleReference? Rule { get; init; }

    /// <summary>The retention (or max age) applied, as written.</summary>
    public string? Retention { get; init; }

    public DecisionBasis Basis { get; init; }

    public DateTimeOffset? BasisDate { get; init; }

    public DecisionReason Reason { get; init; }

    public WatchStatus Watch { get; init; }

    public DateTimeOffset? DueDate { get; init; }

    public DateTimeOffset? FlaggedAt { get; init; }

    public DateTimeOffset? DeletionDate { get; init; }

    public TimeSpan LeavingSoonWindow { get; init; }

    public TimeSpan GracePeriod { get; init; }

    /// <summary>The grace period pushed the deletion date past the due date (it was already overdue when first flagged).</summary>
    public bool GraceExtended { get; init; }

    public IReadOnlyList<AppliedProtection> Protections { get; init; } = [];

    /// <summary>Disk-space mode held a due item back: enough space is free (or free space is unknown).</summary>
    public DiskSpaceHold DiskSpace { get; init; }

    /// <summary>The decision in a few sentences.</summary>
    public IReadOnlyList<string> Sentences => sentences ??= DecisionExplainer.Explain(this);
}

/// <summary>What disk-space mode did with a due item.</summary>
public enum DiskSpaceHold
{
    NotApplied,
    Selected,
    HeldBackEnoughSpace,
    HeldBackFreeSpaceUnknown,
}
