using Cleanup.Fakes.Library;

namespace Cleanup.Integrations.Tests.Common;

/// <summary>Small hand-made libraries whose every value a test can name.</summary>
internal static class TestLibraries
{
    public static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static FakeLibrary Movies(TimeProvider? time = null)
    {
        var lib = new FakeLibrary(time ?? TimeProvider.System);
        lib.AddMovie(603, "tt0133093", "The Matrix", 1999, new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero), 14_000_000_000L, "keep", "4k");
        lib.AddMovie(27205, null, "Inception", 2010, new DateTimeOffset(2024, 2, 3, 4, 5, 6, TimeSpan.Zero), 0);
        lib.AddMovie(157336, "tt0816692", "Interstellar", 2014, new DateTimeOffset(2024, 3, 4, 5, 6, 7, TimeSpan.Zero), 24_100_000_000L, "kids");
        lib.Movies[2].FileAdded = new DateTimeOffset(2024, 3, 10, 8, 0, 0, TimeSpan.Zero);
        return lib;
    }

    /// <summary>Two series: "Breaking Bad" (ended, 2 seasons, all files) and "Severance" (continuing, one episode without a file).</summary>
    public static FakeLibrary Shows(TimeProvider? time = null)
    {
        var lib = new FakeLibrary(time ?? TimeProvider.System);
        var bb = lib.AddSeries(81189, 1396, "tt0903747", "Breaking Bad", 2008, new DateTimeOffset(2023, 5, 6, 7, 8, 9, TimeSpan.Zero), "ended", "keep");
        for (var s = 1; s <= 2; s++)
        {
            for (var e = 1; e <= 3; e++)
            {
                bb.AddEpisode(s, e, $"Episode {s}.{e}", new DateTimeOffset(2008 + s, 1, 20, 2, 0, 0, TimeSpan.Zero).AddDays(7 * e), 1_000_000_000L * e, new DateTimeOffset(2023, 5, 7, 0, 0, 0, TimeSpan.Zero));
            }
        }

        var sev = lib.AddSeries(371980, null, null, "Severance", 2022, new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), "continuing");
        sev.AddEpisode(1, 1, "Good News About Hell", new DateTimeOffset(2022, 2, 18, 2, 0, 0, TimeSpan.Zero), 3_000_000_000L, new DateTimeOffset(2024, 1, 2, 0, 0, 0, TimeSpan.Zero));
        sev.AddEpisode(1, 2, "Half Loop", new DateTimeOffset(2022, 2, 25, 2, 0, 0, TimeSpan.Zero), 0);
        return lib;
    }

    /// <summary><paramref name="count"/> requests by three users, alternating movies and shows, one day apart.</summary>
    public static FakeLibrary Requests(int count, TimeProvider? time = null)
    {
        var lib = new FakeLibrary(time ?? TimeProvider.System);
        lib.Users.AddRange([new FakeUser("alice", "alice@example.com", IsAdministrator: true), new FakeUser("bob", "bob@example.com"), new FakeUser("carol", null)]);
        for (var i = 1; i <= count; i++)
        {
            var movie = i % 2 == 1;
            lib.Requests.Add(new FakeRequest
            {
                Id = i,
                User = lib.Users[i % 3].Name,
                IsMovie = movie,
                TmdbId = 1000 + i,
                TvdbId = movie ? null : 5000 + i,
                CreatedAt = new DateTimeOffset(2024, 1, 1, 10, 20, 30, TimeSpan.Zero).AddDays(i),
                Status = i % 5 == 0 ? 5 : 2,
            });
        }

        return lib;
    }
}
