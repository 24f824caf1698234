using Cleanup.Fakes.Library;

namespace Cleanup.Fakes.Jellyfin;

/// <summary>One library item as a Jellyfin server holds it, derived from the shared <see cref="FakeLibrary"/>.</summary>
internal sealed record FakeJellyfinItem(
    string Key,
    string Id,
    string Type,
    string Name,
    int? Year,
    Dictionary<string, string> ProviderIds,
    string? SeriesId,
    string? SeriesName,
    string? SeasonId,
    int? IndexNumber,
    int? ParentIndexNumber,
    string? Path,
    DateTimeOffset DateCreated,
    long? Size,
    IReadOnlyList<string> EpisodeKeys)
{
    /// <summary>
    /// Every item the server shows, in a stable order: movies with a file, series, seasons, episodes with a file.
    /// Items deleted in the library are gone. Call under <see cref="FakeLibrary.Sync"/>.
    /// </summary>
    public static List<FakeJellyfinItem> From(FakeLibrary library) => DerivedView<List<FakeJellyfinItem>>.Get(library, Build);

    private static List<FakeJellyfinItem> Build(FakeLibrary library)
    {
        var items = new List<FakeJellyfinItem>();
        foreach (var m in library.Movies.Where(m => !m.Deleted && m.HasFile))
        {
            var ids = new Dictionary<string, string> { ["Tmdb"] = m.TmdbId.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            if (m.ImdbId is not null)
            {
                ids["Imdb"] = m.ImdbId;
            }

            var folder = $"{m.Title} ({m.Year})";
            items.Add(new FakeJellyfinItem(m.Key, FakeKeys.JellyfinId(m.Key), "Movie", m.Title, m.Year, ids, null, null, null, null, null,
                $"/media/movies/{folder}/{folder}.mkv", m.FileAdded ?? m.Added, m.SizeBytes, []));
        }

        foreach (var s in library.Series.Where(s => !s.Deleted))
        {
            var episodes = s.Episodes.Where(e => e.HasFile).OrderBy(e => e.Season).ThenBy(e => e.Number).ToList();
            var ids = new Dictionary<string, string> { ["Tvdb"] = s.TvdbId.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            if (s.TmdbId is { } tmdb)
            {
                ids["Tmdb"] = tmdb.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            if (s.ImdbId is not null)
            {
                ids["Imdb"] = s.ImdbId;
            }

            var seriesId = FakeKeys.JellyfinId(s.Key);
            var folder = $"/media/tv/{s.Title} ({s.Year})";
            items.Add(new FakeJellyfinItem(s.Key, seriesId, "Series", s.Title, s.Year, ids, null, null, null, null, null, folder, s.Added, null, [.. episodes.Select(e => e.Key)]));
            foreach (var season in episodes.GroupBy(e => e.Season))
            {
                var key = FakeKeys.Season(s.TvdbId, season.Key);
                items.Add(new FakeJellyfinItem(key, FakeKeys.JellyfinId(key), "Season", $"Season {season.Key}", s.Year, [], seriesId, s.Title, null, season.Key, null,
                    $"{folder}/Season {season.Key:00}", s.Added, null, [.. season.Select(e => e.Key)]));
            }

            foreach (var e in episodes)
            {
                items.Add(new FakeJellyfinItem(e.Key, FakeKeys.JellyfinId(e.Key), "Episode", e.Title, e.AirDate.Year, [], seriesId, s.Title,
                    FakeKeys.JellyfinId(FakeKeys.Season(s.TvdbId, e.Season)), e.Number, e.Season,
                    $"{folder}/Season {e.Season:00}/{s.Title} S{e.Season:00}E{e.Number:00}.mkv", e.FileAdded ?? e.AirDate, e.SizeBytes, []));
            }
        }

        return items;
    }
}
