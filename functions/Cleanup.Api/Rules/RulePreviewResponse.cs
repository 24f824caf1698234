using Cleanup.Engine.Evaluation;
using Cleanup.Engine.Library;

namespace Cleanup.Api.Rules;

/// <summary>
/// Body of <c>POST /api/rules/preview</c>: what the proposed rules would change against the latest synced library.
/// "Leaving soon" means shown on the timeline (status leavingSoon or due).
/// </summary>
/// <param name="Entering">Would start showing as leaving soon.</param>
/// <param name="Leaving">Would stop showing as leaving soon.</param>
/// <param name="WouldDelete">Due under the proposed rules: what the next cleanup would act on.</param>
/// <param name="NewlyDue">Due under the proposed rules and not under the current ones.</param>
/// <param name="NoLongerDue">Due under the current rules and not under the proposed ones.</param>
/// <param name="ChangedCount">Items whose status, deletion date or rule would differ.</param>
public sealed record RulePreviewResponse(
    DateTimeOffset EvaluatedAt,
    IReadOnlyList<PreviewItem> Entering,
    IReadOnlyList<PreviewItem> Leaving,
    IReadOnlyList<PreviewItem> WouldDelete,
    IReadOnlyList<PreviewItem> NewlyDue,
    IReadOnlyList<PreviewItem> NoLongerDue,
    long BytesWouldFree,
    int ChangedCount)
{
    public static RulePreviewResponse From(EvaluationResult before, PreviewResult preview) => new(
        before.EvaluatedAt,
        [.. preview.EnteringLeavingSoon.Select(PreviewItem.From)],
        [.. preview.LeavingLeavingSoon.Select(PreviewItem.From)],
        [.. preview.WouldDelete.Select(after => PreviewItem.From(before.Find(after.ItemId), after))],
        [.. preview.NewlyDue.Select(PreviewItem.From)],
        [.. preview.NoLongerDue.Select(PreviewItem.From)],
        preview.BytesWouldFree,
        preview.Changed.Count);
}

/// <summary>One item under the current rules (<see cref="Before"/>) and the proposed ones (<see cref="After"/>).</summary>
public sealed record PreviewItem(string Id, string Title, string MediaType, long SizeBytes, PreviewDecision? Before, PreviewDecision? After)
{
    public static PreviewItem From(PreviewChange change) =>
        new(change.ItemId, change.Title, Camel(change.MediaType), change.SizeBytes, PreviewDecision.From(change.Before), PreviewDecision.From(change.After));

    public static PreviewItem From(Decision? before, Decision after) =>
        new(after.ItemId, after.Title, Camel(after.MediaType), after.SizeBytes, PreviewDecision.From(before), PreviewDecision.From(after));

    internal static string Camel<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    private static string Camel(MediaType type) => Camel<MediaType>(type);
}

/// <summary>An item's decision under one rule set; <see cref="Rule"/> in words ("tag rule 'Kids', tag 'kids'").</summary>
public sealed record PreviewDecision(string Status, DateTimeOffset? DueDate, DateTimeOffset? DeletionDate, string? Rule, string Action)
{
    public static PreviewDecision? From(Decision? decision) => decision is null
        ? null
        : new(PreviewItem.Camel(decision.Status), decision.DueDate, decision.DeletionDate, decision.Rule?.Describe(), PreviewItem.Camel(decision.Action));
}
