using Cleanup.Engine.Deletion;
using Cleanup.Engine.Ports;
using Cleanup.Engine.Sources;
using Cleanup.Engine.Tests.Workflows.Support;

namespace Cleanup.Engine.Tests.Deletion;

public sealed class MediaServerRecheckTests
{
    private static readonly DateTimeOffset Flagged = new(2026, 4, 17, 3, 0, 0, TimeSpan.Zero);
    private readonly FakeMediaServer jellyfin = new();
    private readonly MediaServerRecheck recheck;

    public MediaServerRecheckTests()
    {
        var catalog = new FakeCatalog();
        catalog.Servers.Add(jellyfin);
        recheck = new MediaServerRecheck(catalog);
    }

    [Fact]
    public async Task Nothing_new_means_still_due()
    {
        jellyfin.States.Add(State("jf1", lastPlayed: Flagged.AddDays(-30)));

        Assert.Equal(RecheckStatus.StillDue, (await recheck.RecheckAsync(Candidate(), default)).Status);
        Assert.Equal([Flagged], jellyfin.WatchStateReads); // only enabled users, only changes since the flag
    }

    [Fact]
    public async Task Playing_now_protects()
    {
        jellyfin.Playing.Add(new NowPlaying("jellyfin", "anna", "jf1"));

        var result = await recheck.RecheckAsync(Candidate(), default);

        Assert.Equal(RecheckResult.Protected("anna is playing it on jellyfin right now"), result);
    }

    [Fact]
    public async Task Watched_since_flagged_protects_even_through_one_episode_of_a_series()
    {
        jellyfin.States.Add(State("ep7", lastPlayed: Flagged.AddDays(2)));

        var result = await recheck.RecheckAsync(Candidate(extraIds: "ep7"), default);

        Assert.Equal(RecheckResult.Protected("watched by anna on jellyfin since it was flagged"), result);
    }

    [Fact]
    public async Task A_new_favourite_protects()
    {
        jellyfin.States.Add(State("jf1", lastPlayed: null, favorite: true) with { LastPlayed = Flagged.AddDays(1) });

        Assert.Equal("a favourite of anna on jellyfin", (await recheck.RecheckAsync(Candidate(), default)).Reason);
    }

    [Fact]
    public async Task A_server_that_cannot_be_read_makes_it_unknown()
    {
        jellyfin.ReadFails = true;

        var result = await recheck.RecheckAsync(Candidate(), default);

        Assert.Equal(RecheckStatus.Unknown, result.Status);
        Assert.Contains("connection failed", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_first_check_that_objects_wins()
    {
        var keep = new FixedRecheck(RecheckResult.Protected("kept by ben until 2026-12-31"));
        jellyfin.Playing.Add(new NowPlaying("jellyfin", "anna", "jf1"));

        var result = await new CompositeItemRecheck([keep, recheck]).RecheckAsync(Candidate(), default);

        Assert.Equal("kept by ben until 2026-12-31", result.Reason);
    }

    private static UserWatchState State(string itemId, DateTimeOffset? lastPlayed, bool favorite = false) =>
        new("jellyfin", "u1", "anna", itemId, lastPlayed is not null, lastPlayed is null ? 0 : 1, lastPlayed, 0, favorite);

    private static DeletionCandidate Candidate(params string[] extraIds) =>
        new("movie:tmdb:1", "X", DeletionMediaType.Movie, 1, DeletionAction.Delete, "r", [],
            new([], [], [new MediaServerTarget("jellyfin", "jf1"), .. extraIds.Select(i => new MediaServerTarget("jellyfin", i))]), FlaggedAt: Flagged);

    private sealed class FixedRecheck(RecheckResult result) : IItemRecheck
    {
        public Task<RecheckResult> RecheckAsync(DeletionCandidate candidate, CancellationToken cancellationToken) => Task.FromResult(result);
    }
}
