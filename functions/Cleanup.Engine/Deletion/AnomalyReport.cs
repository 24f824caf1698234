namespace Cleanup.Engine.Deletion;

/// <summary>Whether deletions must stop this run, and why (each reason names the source).</summary>
public sealed record AnomalyReport(IReadOnlyList<string> Reasons)
{
    public bool Stop => Reasons.Count > 0;

    public static AnomalyReport None { get; } = new([]);
}
