using System.Diagnostics;
using Cleanup.Engine.Evaluation;
using Cleanup.Engine.Library;
using Cleanup.Engine.Rules;
using Cleanup.Engine.Sources;

/// <summary>
/// The rules engine alone (issue target: 100k items well under one second): builds the unified library from
/// in-memory source records and evaluates the default rules, best of five runs after a warm-up.
/// </summary>
internal static class EvaluationBenchmark
{
    public static void Run(int items)
    {
        var now = new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
        var snapshot = Snapshot(items, now);
        var build = double.MaxValue;
        var evaluate = double.MaxValue;
        var decisions = 0;
        for (var round = 0; round < 6; round++)
        {
            var watch = Stopwatch.StartNew();
            var library = UnifiedLibrary.Build(snapshot);
            var built = watch.Elapsed.TotalMilliseconds;
            watch.Restart();
            var result = RetentionEvaluator.Evaluate(library, RuleSet.Default, EvaluationState.Empty, now);
            var evaluated = watch.Elapsed.TotalMilliseconds;
            decisions = result.Decisions.Count;
            if (round > 0)
            {
                build = Math.Min(build, built);
                evaluate = Math.Min(evaluate, evaluated);
            }
        }

        Console.WriteLine("| rules engine | items | step | best of 5 |");
        Console.WriteLine("|---|---|---|---|");
        Console.WriteLine($"| in memory | {items:N0} | unify the sources | {build:F0} ms |");
        Console.WriteLine($"| in memory | {items:N0} | evaluate the rules ({decisions:N0} decisions) | {evaluate:F0} ms |");
    }

    /// <summary>A Radarr and a Jellyfin that agree on <paramref name="items"/> movies; three users watched a third each.</summary>
    private static SourceSnapshot Snapshot(int items, DateTimeOffset now)
    {
        var random = new Random(7);
        var movies = new List<ArrMovie>(items);
        var serverItems = new List<MediaServerItem>(items);
        var watches = new List<UserWatchState>();
        for (var i = 0; i < items; i++)
        {
            var tmdb = 100_000 + i;
            var added = now.AddDays(-random.Next(1, 400));
            movies.Add(new ArrMovie("radarr", i + 1, $"Movie {i}", 2000 + (i % 25), tmdb, $"tt{9_000_000 + i}", added, added, 8L << 30, true, true, i % 50 == 0 ? ["keep"] : []));
            var id = Guid.NewGuid().ToString("N");
            serverItems.Add(new MediaServerItem("jellyfin", id, MediaServerItemType.Movie, $"Movie {i}", 2000 + (i % 25), new ProviderIds(tmdb, null, null), null, null, null, 8L << 30, added));
            for (var u = 0; u < 3; u++)
            {
                if (random.Next(3) == 0)
                {
                    watches.Add(new UserWatchState("jellyfin", $"u{u}", $"user{u}", id, true, 1, now.AddDays(-random.Next(0, 300)), 0, false));
                }
            }
        }

        return new SourceSnapshot
        {
            Movies = movies,
            MediaServerItems = serverItems,
            WatchStates = watches,
            SourceKinds = new Dictionary<string, ServiceKind> { ["jellyfin"] = ServiceKind.Jellyfin, ["radarr"] = ServiceKind.Radarr },
        };
    }
}
