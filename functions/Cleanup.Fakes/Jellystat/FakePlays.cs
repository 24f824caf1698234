using Cleanup.Fakes.Library;

// Shared by the Jellystat and Tautulli fakes: both record the same plays, each in its own shape.
namespace Cleanup.Fakes.History;

/// <summary>What a statistics source knows about an item it saw played.</summary>
public sealed record FakePlayedItem(string Key, string Title, int Year, bool IsEpisode, string? SeriesKey, string? SeasonKey, string? SeriesTitle, int? Season, int? Episode, long RuntimeSeconds);

/// <summary>One recorded play (a session that ended).</summary>
public sealed record FakePlay(int Id, string User, FakePlayedItem Item, DateTimeOffset StartedAt, long DurationSeconds, int PercentComplete);

public static class FakePlays
{
    public const long MovieRuntimeSeconds = 7200;
    public const long EpisodeRuntimeSeconds = 2700;

    /// <summary>
    /// The plays behind the library's watch state, newest first: a played item with play count n gives n plays a
    /// week apart ending at its last-played date; an item in progress gives one partial play. Statistics keep
    /// history of items deleted since. Call under <see cref="FakeLibrary.Sync"/>.
    /// </summary>
    public static List<FakePlay> From(FakeLibrary library) => DerivedView<List<FakePlay>>.Get(library, Build);

    private static List<FakePlay> Build(FakeLibrary library)
    {
        var items = Items(library);
        var plays = new List<(string User, FakePlayedItem Item, DateTimeOffset At, long Duration, int Percent)>();
        foreach (var w in library.Watches)
        {
            if (w.LastPlayed is not { } last || !items.TryGetValue(w.ItemKey, out var item))
            {
                continue;
            }

            if (w.Played)
            {
                for (var i = 0; i < Math.Max(1, w.PlayCount); i++)
                {
                    // Earlier plays a week apart (a placeholder date stays as it is rather than overflow).
                    var at = last.UtcTicks > TimeSpan.FromDays(7 * i).Ticks + TimeSpan.TicksPerDay ? last.AddDays(-7 * i) : last;
                    plays.Add((w.User, item, at, item.RuntimeSeconds, 100));
                }
            }
            else if (w.PositionTicks > 0)
            {
                var seconds = w.PositionTicks / TimeSpan.TicksPerSecond;
                plays.Add((w.User, item, last, seconds, (int)Math.Min(99, seconds * 100 / item.RuntimeSeconds)));
            }
        }

        return plays
            .OrderByDescending(p => p.At).ThenBy(p => p.User, StringComparer.Ordinal).ThenBy(p => p.Item.Key, StringComparer.Ordinal)
            .Select((p, i) => new FakePlay(plays.Count - i, p.User, p.Item, p.At, p.Duration, p.Percent))
            .ToList();
    }

    /// <summary>Every movie and episode ever in the library, deleted or not, by key.</summary>
    public static Dictionary<string, FakePlayedItem> Items(FakeLibrary library)
    {
        var items = new Dictionary<string, FakePlayedItem>(StringComparer.Ordinal);
        foreach (var m in library.Movies)
        {
            items[m.Key] = new FakePlayedItem(m.Key, m.Title, m.Year, false, null, null, null, null, null, MovieRuntimeSeconds);
        }

        foreach (var s in library.Series)
        {
            foreach (var e in s.Episodes)
            {
                items[e.Key] = new FakePlayedItem(e.Key, e.Title, e.AirDate.Year, true, s.Key, FakeKeys.Season(s.TvdbId, e.Season), s.Title, e.Season, e.Number, EpisodeRuntimeSeconds);
            }
        }

        return items;
    }
}
