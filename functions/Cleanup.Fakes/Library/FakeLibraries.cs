namespace Cleanup.Fakes.Library;

/// <summary>Ready-made libraries: a small realistic one for demo mode, and generated ones for tests and benchmarks.</summary>
public static class FakeLibraries
{
    private const long GB = 1024L * 1024 * 1024;

    /// <summary>
    /// A small, realistic library relative to "now": some movies added long ago and watched, some recent, a few
    /// kept by tags or favorites, three series (one still running), three users with requests and watch history.
    /// </summary>
    public static FakeLibrary Demo(TimeProvider timeProvider)
    {
        var now = timeProvider.GetUtcNow();
        DateTimeOffset Ago(double days) => now.AddDays(-days);
        var lib = new FakeLibrary(timeProvider);
        lib.Users.AddRange([new FakeUser("alice", "alice@example.com", IsAdministrator: true), new FakeUser("bob", "bob@example.com"), new FakeUser("carol", "carol@example.com")]);

        lib.AddMovie(603, "tt0133093", "The Matrix", 1999, Ago(25), (long)(14.2 * GB));
        lib.AddMovie(27205, "tt1375666", "Inception", 2010, Ago(21), (long)(18.7 * GB));
        lib.AddMovie(157336, "tt0816692", "Interstellar", 2014, Ago(40), (long)(24.1 * GB), "keep");
        lib.AddMovie(335984, "tt1856101", "Blade Runner 2049", 2017, Ago(19), (long)(21.9 * GB));
        lib.AddMovie(438631, "tt1160419", "Dune", 2021, Ago(3), (long)(26.4 * GB));
        lib.AddMovie(329865, "tt2543164", "Arrival", 2016, Ago(28), (long)(9.8 * GB));
        lib.AddMovie(76341, "tt1392190", "Mad Max: Fury Road", 2015, Ago(17), (long)(12.3 * GB));
        lib.AddMovie(120467, "tt2278388", "The Grand Budapest Hotel", 2014, Ago(60), (long)(7.4 * GB), "kids");
        lib.AddMovie(496243, "tt6751668", "Parasite", 2019, Ago(24), (long)(10.9 * GB));
        lib.AddMovie(129, "tt0245429", "Spirited Away", 2001, Ago(90), (long)(6.2 * GB), "keep");
        lib.AddMovie(546554, "tt8946378", "Knives Out", 2019, Ago(8), (long)(11.6 * GB));
        lib.AddMovie(545611, "tt6710474", "Everything Everywhere All at Once", 2022, Ago(22), (long)(15.0 * GB));

        var bb = lib.AddSeries(81189, 1396, "tt0903747", "Breaking Bad", 2008, Ago(120), "ended");
        for (var s = 1; s <= 2; s++)
        {
            for (var e = 1; e <= (s == 1 ? 7 : 13); e++)
            {
                bb.AddEpisode(s, e, $"Episode {e}", new DateTimeOffset(2007 + s, 1, 20, 2, 0, 0, TimeSpan.Zero).AddDays(7 * e), (long)(1.4 * GB), Ago(120 - s));
            }
        }

        var expanse = lib.AddSeries(280619, 63639, "tt3230854", "The Expanse", 2015, Ago(45), "ended");
        for (var e = 1; e <= 10; e++)
        {
            expanse.AddEpisode(1, e, $"Episode {e}", new DateTimeOffset(2015, 12, 14, 2, 0, 0, TimeSpan.Zero).AddDays(7 * e), (long)(2.1 * GB), Ago(45));
        }

        var severance = lib.AddSeries(371980, 95396, "tt11280740", "Severance", 2022, Ago(10), "continuing");
        for (var e = 1; e <= 9; e++)
        {
            severance.AddEpisode(1, e, $"Episode {e}", new DateTimeOffset(2022, 2, 18, 2, 0, 0, TimeSpan.Zero).AddDays(7 * e), (long)(3.2 * GB), Ago(10));
        }

        lib.Watch("alice", FakeKeys.Movie(603), Ago(20), playCount: 3);
        lib.Watch("bob", FakeKeys.Movie(603), Ago(15));
        lib.Watch("alice", FakeKeys.Movie(27205), Ago(18));
        lib.Watch("carol", FakeKeys.Movie(157336), Ago(30), favorite: true);
        lib.Watch("bob", FakeKeys.Movie(329865), Ago(26));
        lib.Watch("alice", FakeKeys.Movie(496243), Ago(2), played: false, playCount: 0, positionTicks: 36_000_000_000); // in progress
        lib.Watch("carol", FakeKeys.Movie(120467), Ago(55), favorite: true);
        for (var e = 1; e <= 7; e++)
        {
            lib.Watch("alice", FakeKeys.Episode(81189, 1, e), Ago(100 - e));
        }

        lib.Watch("bob", FakeKeys.Episode(280619, 1, 1), Ago(40));

        lib.Requests.Add(new FakeRequest { Id = 1, User = "bob", IsMovie = true, TmdbId = 335984, CreatedAt = Ago(20) });
        lib.Requests.Add(new FakeRequest { Id = 2, User = "carol", IsMovie = true, TmdbId = 545611, CreatedAt = Ago(23) });
        lib.Requests.Add(new FakeRequest { Id = 3, User = "bob", IsMovie = false, TmdbId = 63639, TvdbId = 280619, CreatedAt = Ago(46) });
        lib.Requests.Add(new FakeRequest { Id = 4, User = "alice", IsMovie = true, TmdbId = 438631, CreatedAt = Ago(4) });
        lib.NowPlaying.Add(("bob", FakeKeys.Movie(546554)));
        return lib;
    }

    /// <summary>
    /// A generated library for tests and benchmarks: <paramref name="movies"/> movies, <paramref name="series"/>
    /// series of <paramref name="episodesPerSeries"/> episodes in seasons of 10, <paramref name="users"/> users who each
    /// watched about a third of it. Deterministic for a given <paramref name="seed"/>.
    /// </summary>
    public static FakeLibrary Generate(TimeProvider timeProvider, int movies, int series = 0, int episodesPerSeries = 0, int users = 3, int seed = 42)
    {
        var now = timeProvider.GetUtcNow();
        var random = new Random(seed);
        var lib = new FakeLibrary(timeProvider);
        for (var u = 0; u < users; u++)
        {
            lib.Users.Add(new FakeUser($"user{u + 1}", $"user{u + 1}@example.com", u == 0));
        }

        for (var i = 0; i < movies; i++)
        {
            var tmdb = 100_000 + i;
            var movie = lib.AddMovie(tmdb, $"tt{9_000_000 + i}", $"Generated Movie {i + 1}", 1970 + (i % 55), now.AddDays(-random.Next(1, 400)).AddMinutes(-random.Next(0, 1440)), random.NextInt64(GB / 2, 40 * GB), i % 50 == 0 ? "keep" : "generated");
            for (var u = 0; u < users; u++)
            {
                if (random.Next(3) == 0)
                {
                    lib.Watch(lib.Users[u].Name, movie.Key, now.AddDays(-random.Next(0, 300)), playCount: random.Next(1, 4), favorite: random.Next(40) == 0);
                }
            }
        }

        for (var s = 0; s < series; s++)
        {
            var tvdb = 500_000 + s;
            var sr = lib.AddSeries(tvdb, 900_000 + s, null, $"Generated Series {s + 1}", 1990 + (s % 35), now.AddDays(-random.Next(1, 600)), s % 4 == 0 ? "continuing" : "ended");
            for (var e = 0; e < episodesPerSeries; e++)
            {
                var season = (e / 10) + 1;
                var ep = sr.AddEpisode(season, (e % 10) + 1, $"Episode {(e % 10) + 1}", now.AddDays(-random.Next(30, 3000)), random.NextInt64(GB / 4, 4 * GB), sr.Added);
                for (var u = 0; u < users; u++)
                {
                    if (random.Next(3) == 0)
                    {
                        lib.Watch(lib.Users[u].Name, ep.Key, now.AddDays(-random.Next(0, 300)));
                    }
                }
            }
        }

        return lib;
    }
}
