using System.Text.Json;
using System.Text.Json.Serialization;
using Cleanup.Engine.Evaluation;
using Cleanup.Engine.Library;
using Cleanup.Engine.Rules;
using Cleanup.Engine.Sources;
using Cleanup.Storage.Stores;
using Cleanup.Testing.Azurite;

namespace Cleanup.Storage.Tests.Stores;

[Collection(AzuriteFixture.Collection)]
public sealed class BlobLibrarySnapshotStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    // The container is not created here: the store must create it on first save.
    private BlobLibrarySnapshotStore NewStore() => new(azurite.CreateAccount().GetBlobContainerClient(azurite.NewContainerName()));

    [Fact]
    public async Task Before_any_save_there_is_no_snapshot()
    {
        Assert.Null(await NewStore().LoadLatestAsync(default));
    }

    [Fact]
    public async Task A_library_and_its_state_round_trip()
    {
        var store = NewStore();
        var (library, state) = Sample();

        await store.SaveAsync(library, state, default);
        var loaded = await store.LoadLatestAsync(default);

        Assert.NotNull(loaded);
        Assert.Equal(Comparable(library), Comparable(loaded.Value.Library));
        Assert.Equal(Comparable(state), Comparable(loaded.Value.State));

        // What the preview relies on: the same rules give the same decisions on the loaded library.
        var rules = RuleSet.Default with { Movies = RuleSet.Default.Movies with { Retention = RetentionPeriod.Days(10) } };
        var before = RetentionEvaluator.Evaluate(library, rules, state, Now);
        var after = RetentionEvaluator.Evaluate(loaded.Value.Library, rules, loaded.Value.State, Now);
        Assert.Equal(
            before.Decisions.Select(d => (d.ItemId, d.Status, d.DeletionDate, d.Protections.Count)),
            after.Decisions.Select(d => (d.ItemId, d.Status, d.DeletionDate, d.Protections.Count)));
        Assert.Contains(after.Decisions, d => d.Status == DecisionStatus.Kept);
        Assert.Contains(after.Decisions, d => d.IsFlagged);
    }

    [Fact]
    public async Task Saving_again_replaces_the_latest()
    {
        var store = NewStore();
        await store.SaveAsync(Sample().Library, null, default);

        await store.SaveAsync(UnifiedLibrary.Empty, null, default);

        var loaded = await store.LoadLatestAsync(default);
        Assert.Empty(loaded!.Value.Library.Items);
        Assert.Empty(loaded.Value.State.FlaggedAt);
    }

    private static string Comparable<T>(T value) =>
        JsonSerializer.Serialize(value, new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } });

    internal static (UnifiedLibrary Library, EvaluationState State) Sample()
    {
        var watched = new UserWatch("alice", true, 2, Now.AddDays(-40), false, false, false);
        var favorite = new UserWatch("bob", false, 0, Now.AddDays(-1), true, true, true);
        var library = new UnifiedLibrary(
            [
                new LibraryItem
                {
                    Id = "movie:tmdb:603", Type = MediaType.Movie, Title = "The Matrix", Year = 1999, TmdbId = 603, ImdbId = "tt0133093",
                    Sources = [new SourceRef(ServiceKind.Radarr, "radarr", "12", 34), new SourceRef(ServiceKind.Jellyfin, "jellyfin", "abc")],
                    SizeBytes = 8_589_934_592, Tags = ["4k"], Added = Now.AddDays(-100), Monitored = true,
                    Requests = [new ItemRequest("jellyseerr", 5, 6, "alice", "alice@example.org", Now.AddDays(-101), 2)],
                    Watch = new WatchSummary([watched]),
                },
                new LibraryItem
                {
                    Id = "movie:tmdb:604", Type = MediaType.Movie, Title = "Favorite", Sources = [new SourceRef(ServiceKind.Radarr, "radarr", "13")],
                    SizeBytes = 1000, Added = Now.AddDays(-300), Watch = new WatchSummary([favorite]),
                },
                new LibraryItem
                {
                    Id = "series:tvdb:81189", Type = MediaType.Series, Title = "Breaking Bad", TvdbId = 81189, SeriesStatus = SeriesStatus.Ended,
                    Sources = [new SourceRef(ServiceKind.Sonarr, "sonarr", "7")], SizeBytes = 20_000_000_000, Added = Now.AddDays(-20),
                    Watch = new WatchSummary([], ["jellystat"]),
                },
                new LibraryItem
                {
                    Id = "episode:tvdb:81189:s01e02", Type = MediaType.Episode, Title = "Cat's in the Bag", ParentId = "season:tvdb:81189:s01",
                    SeriesItemId = "series:tvdb:81189", SeasonNumber = 1, EpisodeNumber = 2, AirDate = Now.AddYears(-15),
                    Sources = [new SourceRef(ServiceKind.Sonarr, "sonarr", "99", 100, 7, 1)], RequestsKnown = false,
                },
                new LibraryItem { Id = "unmatched:jellyfin:x1", Type = MediaType.Movie, Title = "Home video", IsMatched = false, UnmatchedReason = "no provider id" },
            ],
            [new SourceFailure("jellystat", ServiceKind.Jellystat, "timed out", "jellyfin")]);
        var state = new EvaluationState
        {
            FlaggedAt = new Dictionary<string, DateTimeOffset> { ["movie:tmdb:603"] = Now.AddDays(-3) },
            Keeps = ["series:tvdb:81189"],
            PostponedUntil = new Dictionary<string, DateTimeOffset> { ["movie:tmdb:604"] = Now.AddDays(5) },
            FreeSpaceBytes = 123_456_789,
        };
        return (library, state);
    }
}
