using System.Runtime.CompilerServices;

namespace Cleanup.Fakes.Library;

/// <summary>
/// Caches a view every fake derives from the library (Jellyfin's item list, the plays Jellystat and Tautulli serve)
/// until the library changes. Fakes serve every page of every user from it; rebuilding it per request made the
/// fakes, not Cleanup, the slowest part of a large benchmark.
/// </summary>
internal static class DerivedView<T>
    where T : class
{
    private static readonly ConditionalWeakTable<FakeLibrary, Entry> Cache = new();

    /// <summary>The view for the library's current state (one view per type <typeparamref name="T"/>). Call under <see cref="FakeLibrary.Sync"/>.</summary>
    public static T Get(FakeLibrary library, Func<FakeLibrary, T> build)
    {
        var version = library.ContentVersion();
        if (Cache.TryGetValue(library, out var entry) && entry.Version == version)
        {
            return entry.View;
        }

        var view = build(library);
        Cache.AddOrUpdate(library, new Entry(version, view));
        return view;
    }

    private sealed record Entry(long Version, T View);
}
