using Cleanup.Engine.Evaluation;
using Cleanup.Engine.Library;

namespace Cleanup.Engine.Protections;

/// <summary>
/// Finds the protections of an item. Keeps, postponements and favorites cascade both ways: down (a kept series keeps
/// its seasons and episodes) and up (a series or season holding a kept, postponed or favorite episode is not deleted
/// whole, because deleting it would delete that episode). In-progress and now-playing already include episodes in a
/// series' or season's watch state.
/// </summary>
internal sealed class ProtectionCheck
{
    private static readonly IReadOnlyList<AppliedProtection> None = [];

    private readonly Dictionary<string, LibraryItem> index;
    private readonly CompiledRules rules;
    private readonly DateTimeOffset now;
    private readonly HashSet<string> keeps;
    private readonly Dictionary<string, DateTimeOffset> postponed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> keptBelow = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string From, DateTimeOffset Until)> postponedBelow = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string From, string User)> favoriteBelow = new(StringComparer.Ordinal);
    private readonly string? failedRequestSources;

    public ProtectionCheck(UnifiedLibrary library, Dictionary<string, LibraryItem> index, CompiledRules rules, EvaluationState state, DateTimeOffset now)
    {
        this.index = index;
        this.rules = rules;
        this.now = now;
        keeps = new HashSet<string>(state.Keeps, StringComparer.Ordinal);

        foreach (var id in keeps)
        {
            foreach (var ancestor in Ancestors(id)) keptBelow.TryAdd(ancestor, id);
        }

        foreach (var (id, until) in state.PostponedUntil)
        {
            if (until <= now) continue;
            postponed[id] = until;
            foreach (var ancestor in Ancestors(id)) postponedBelow.TryAdd(ancestor, (id, until));
        }

        foreach (var item in library.Items)
        {
            if (item.ParentId is null || item.Watch.FavoriteOf.Count == 0) continue;
            if (ProtectingFavorite(item) is not { } user) continue;
            foreach (var ancestor in Ancestors(item.Id)) favoriteBelow.TryAdd(ancestor, (item.Id, user));
        }

        foreach (var failure in library.Failures)
        {
            if (failure.IsRequests) failedRequestSources = failedRequestSources is null ? failure.Source : $"{failedRequestSources}, {failure.Source}";
        }
    }

    public IReadOnlyList<AppliedProtection> For(LibraryItem item)
    {
        List<AppliedProtection>? found = null;
        void Add(AppliedProtection protection) => (found ??= []).Add(protection);

        if (!item.IsMatched)
        {
            Add(new AppliedProtection(ProtectionKind.Unmatched, Detail: item.UnmatchedReason));
            return found!;
        }

        if (!item.IsManaged) Add(new AppliedProtection(ProtectionKind.NotManaged));

        if (keeps.Contains(item.Id)) Add(new AppliedProtection(ProtectionKind.ManualKeep));
        else if (AncestorIn(item, keeps) is { } keptAbove) Add(new AppliedProtection(ProtectionKind.ManualKeep, FromItemId: keptAbove));
        else if (keptBelow.TryGetValue(item.Id, out var keptEpisode)) Add(new AppliedProtection(ProtectionKind.ManualKeep, FromItemId: keptEpisode));

        if (postponed.TryGetValue(item.Id, out var until)) Add(new AppliedProtection(ProtectionKind.Postponed, Date: until));
        else if (PostponedAbove(item) is { } above) Add(new AppliedProtection(ProtectionKind.Postponed, Date: above.Until, FromItemId: above.From));
        else if (postponedBelow.TryGetValue(item.Id, out var below)) Add(new AppliedProtection(ProtectionKind.Postponed, Date: below.Until, FromItemId: below.From));

        if (ProtectingFavorite(item) is { } fan) Add(new AppliedProtection(ProtectionKind.Favorite, User: fan));
        else if (FavoriteAbove(item) is { } favoriteAbove) Add(new AppliedProtection(ProtectionKind.Favorite, User: favoriteAbove.User, FromItemId: favoriteAbove.From));
        else if (favoriteBelow.TryGetValue(item.Id, out var favoriteEpisode)) Add(new AppliedProtection(ProtectionKind.Favorite, User: favoriteEpisode.User, FromItemId: favoriteEpisode.From));

        var options = rules.RuleSet.Protections;
        if (options.InProgress && item.Watch.InProgressBy.Count > 0)
        {
            Add(new AppliedProtection(ProtectionKind.InProgress, User: item.Watch.InProgressBy[0]));
        }

        if (options.CurrentlyPlaying && item.Watch.PlayingBy.Count > 0)
        {
            Add(new AppliedProtection(ProtectionKind.CurrentlyPlaying, User: item.Watch.PlayingBy[0]));
        }

        if (rules.RequestedWithin is { } within && item.Requests.Count > 0)
        {
            var since = now - within;
            ItemRequest? latest = null;
            foreach (var request in item.Requests)
            {
                if (request.RequestedAt is { } at && at >= since && (latest is null || at > latest.RequestedAt)) latest = request;
            }

            if (latest is not null) Add(new AppliedProtection(ProtectionKind.RecentlyRequested, User: latest.Requester, Date: latest.RequestedAt));
        }

        if (!item.Watch.IsKnown)
        {
            Add(new AppliedProtection(ProtectionKind.UnknownWatchState, Detail: string.Join(", ", item.Watch.UnknownBecause)));
        }

        if (!item.RequestsKnown && rules.UsesRequests)
        {
            Add(new AppliedProtection(ProtectionKind.UnknownRequests, Detail: failedRequestSources ?? "a request source"));
        }

        return found ?? None;
    }

    private string? ProtectingFavorite(LibraryItem item)
    {
        foreach (var user in item.Watch.FavoriteOf)
        {
            if (rules.FavoriteProtects(user)) return user;
        }

        return null;
    }

    private string? AncestorIn(LibraryItem item, HashSet<string> ids)
    {
        for (var parent = Parent(item); parent is not null; parent = Parent(parent))
        {
            if (ids.Contains(parent.Id)) return parent.Id;
        }

        return null;
    }

    private (string From, DateTimeOffset Until)? PostponedAbove(LibraryItem item)
    {
        if (postponed.Count == 0) return null;
        for (var parent = Parent(item); parent is not null; parent = Parent(parent))
        {
            if (postponed.TryGetValue(parent.Id, out var until)) return (parent.Id, until);
        }

        return null;
    }

    private (string From, string User)? FavoriteAbove(LibraryItem item)
    {
        for (var parent = Parent(item); parent is not null; parent = Parent(parent))
        {
            if (ProtectingFavorite(parent) is { } user) return (parent.Id, user);
        }

        return null;
    }

    private LibraryItem? Parent(LibraryItem item) =>
        item.ParentId is not null && index.TryGetValue(item.ParentId, out var parent) ? parent : null;

    private IEnumerable<string> Ancestors(string id)
    {
        if (!index.TryGetValue(id, out var item)) yield break;
        for (var parent = Parent(item); parent is not null; parent = Parent(parent)) yield return parent.Id;
    }
}
