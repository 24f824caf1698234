namespace Cleanup.Engine.Evaluation;

/// <summary>The decisions for a whole library at one instant.</summary>
public sealed class EvaluationResult
{
    private Dictionary<string, Decision>? byId;

    public EvaluationResult(DateTimeOffset evaluatedAt, IReadOnlyList<Decision> decisions)
    {
        EvaluatedAt = evaluatedAt;
        Decisions = decisions;
        var flagged = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var decision in decisions)
        {
            if (decision.FlaggedAt is { } at) flagged[decision.ItemId] = at;
        }

        FlaggedAt = flagged;
    }

    public DateTimeOffset EvaluatedAt { get; }

    /// <summary>
    /// One decision per movie and series, per season and episode that a rule for seasons or episodes covers, and per
    /// unmatched item; in library order.
    /// </summary>
    public IReadOnlyList<Decision> Decisions { get; }

    /// <summary>The flags to persist for the next run (item id → first flagged).</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> FlaggedAt { get; }

    public IEnumerable<Decision> LeavingSoon => Decisions.Where(d => d.Status == DecisionStatus.LeavingSoon);

    public IEnumerable<Decision> Due => Decisions.Where(d => d.Status == DecisionStatus.Due);

    public IEnumerable<Decision> Kept => Decisions.Where(d => d.Status == DecisionStatus.Kept);

    public Decision? Find(string itemId)
    {
        if (byId is null)
        {
            var index = new Dictionary<string, Decision>(Decisions.Count, StringComparer.Ordinal);
            foreach (var decision in Decisions) index.TryAdd(decision.ItemId, decision);
            byId = index;
        }

        return byId.GetValueOrDefault(itemId);
    }

    /// <summary>
    /// What to write back, compared with <paramref name="previous"/>: flags that are new or changed, flags of items that
    /// are no longer leaving soon, and flags of items this result has no decision for (gone from the library, or missing
    /// because a source failed: clear those only after a run without failures).
    /// </summary>
    public FlagChanges ChangesFrom(EvaluationState previous)
    {
        Find(string.Empty);
        var set = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var (id, at) in FlaggedAt)
        {
            if (!previous.FlaggedAt.TryGetValue(id, out var before) || before != at) set[id] = at;
        }

        var cleared = new List<string>();
        var orphaned = new List<string>();
        foreach (var id in previous.FlaggedAt.Keys)
        {
            if (FlaggedAt.ContainsKey(id)) continue;
            (byId!.ContainsKey(id) ? cleared : orphaned).Add(id);
        }

        return new FlagChanges(set, cleared, orphaned);
    }
}

/// <summary>Flag updates to persist: only what changed (Table Storage writes cost).</summary>
public sealed record FlagChanges(
    IReadOnlyDictionary<string, DateTimeOffset> Set,
    IReadOnlyList<string> Cleared,
    IReadOnlyList<string> Orphaned);
