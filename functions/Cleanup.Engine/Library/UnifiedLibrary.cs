using System.Text.Json.Serialization;

namespace Cleanup.Engine.Library;

/// <summary>
/// The whole library as one list of items joined across every service, built from a <see cref="SourceSnapshot"/>.
/// Serializable (it is stored as a blob between activities); the lookups are rebuilt on first use.
/// </summary>
public sealed class UnifiedLibrary
{
    private Dictionary<string, LibraryItem>? byId;
    private Dictionary<string, List<LibraryItem>>? childrenById;

    [JsonConstructor]
    public UnifiedLibrary(IReadOnlyList<LibraryItem> items, IReadOnlyList<SourceFailure>? failures = null)
    {
        Items = items;
        Failures = failures ?? [];
    }

    public static UnifiedLibrary Empty { get; } = new([]);

    /// <summary>Every item, matched or not: movies, series, seasons, episodes, in a stable order.</summary>
    public IReadOnlyList<LibraryItem> Items { get; }

    /// <summary>The sources that failed this run.</summary>
    public IReadOnlyList<SourceFailure> Failures { get; }

    /// <summary>Items no provider id could join. Listed for the owner to fix; never deleted.</summary>
    [JsonIgnore]
    public IEnumerable<LibraryItem> Unmatched => Items.Where(item => !item.IsMatched);

    /// <summary>Joins everything the services reported into library items. Pure and deterministic.</summary>
    public static UnifiedLibrary Build(SourceSnapshot snapshot) => new LibraryBuilder(snapshot).Build();

    public LibraryItem? Find(string id) => Index().TryGetValue(id, out var item) ? item : null;

    /// <summary>Direct children: a series' seasons, a season's episodes.</summary>
    public IReadOnlyList<LibraryItem> ChildrenOf(string id)
    {
        childrenById ??= BuildChildren();
        return childrenById.TryGetValue(id, out var children) ? children : [];
    }

    internal Dictionary<string, LibraryItem> Index()
    {
        if (byId is not null) return byId;
        var index = new Dictionary<string, LibraryItem>(Items.Count, StringComparer.Ordinal);
        foreach (var item in Items)
        {
            index.TryAdd(item.Id, item);
        }

        return byId = index;
    }

    private Dictionary<string, List<LibraryItem>> BuildChildren()
    {
        var children = new Dictionary<string, List<LibraryItem>>(StringComparer.Ordinal);
        foreach (var item in Items)
        {
            if (item.ParentId is null) continue;
            if (!children.TryGetValue(item.ParentId, out var list))
            {
                children[item.ParentId] = list = [];
            }

            list.Add(item);
        }

        return children;
    }
}
