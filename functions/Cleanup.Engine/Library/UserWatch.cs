namespace Cleanup.Engine.Library;

/// <summary>
/// One user's state of one library item, merged from every media server and statistics source.
/// Users are identified by name, case-insensitively, across servers.
/// For series and seasons the counts and dates include their episodes (see <see cref="WatchSummary"/>).
/// </summary>
/// <param name="Played">A server reports the item fully played, or a statistics source recorded a completed play.</param>
/// <param name="PlayCount">Completed plays. The largest count any one source reports, because statistics sources record the plays the server counts too.</param>
/// <param name="LastPlayed">The latest play any source knows of (partial plays count).</param>
/// <param name="InProgress">Started but not finished (a playback position and not played).</param>
/// <param name="Favorite">The user marked this very item a favorite (not inherited from the series).</param>
/// <param name="Playing">The user is playing it (or, for a series or season, one of its episodes) right now.</param>
public sealed record UserWatch(
    string User,
    bool Played,
    int PlayCount,
    DateTimeOffset? LastPlayed,
    bool InProgress,
    bool Favorite,
    bool Playing)
{
    /// <summary>Any watch activity: played, a completed play counted, or a last-played date.</summary>
    public bool HasWatched => Played || PlayCount > 0 || LastPlayed is not null;
}
