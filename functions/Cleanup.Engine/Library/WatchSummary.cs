using System.Text.Json.Serialization;

namespace Cleanup.Engine.Library;

/// <summary>
/// Everyone's watch state of one item, merged from every media server and statistics source.
/// For a series or season, plays, last-played dates, in-progress and now-playing include its episodes; favorites do not
/// (a favorite episode is not a favorite series; protections cascade favorites separately).
/// </summary>
public sealed class WatchSummary
{
    private static readonly IReadOnlyList<string> None = [];

    [JsonConstructor]
    public WatchSummary(IReadOnlyList<UserWatch> users, IReadOnlyList<string>? unknownBecause = null)
    {
        Users = users;
        UnknownBecause = unknownBecause ?? None;

        List<string>? watchedBy = null, favoriteOf = null, inProgressBy = null, playingBy = null;
        for (var i = 0; i < users.Count; i++)
        {
            var user = users[i];
            PlayCount += user.PlayCount;
            if (user.LastPlayed is { } last && (LastWatched is null || last > LastWatched))
            {
                LastWatched = last;
            }

            if (user.HasWatched) (watchedBy ??= []).Add(user.User);
            if (user.Favorite) (favoriteOf ??= []).Add(user.User);
            if (user.InProgress) (inProgressBy ??= []).Add(user.User);
            if (user.Playing) (playingBy ??= []).Add(user.User);
        }

        WatchedBy = watchedBy ?? None;
        FavoriteOf = favoriteOf ?? None;
        InProgressBy = inProgressBy ?? None;
        PlayingBy = playingBy ?? None;
    }

    public static WatchSummary Empty { get; } = new([]);

    /// <summary>Per-user state, one entry per user with any state for this item.</summary>
    public IReadOnlyList<UserWatch> Users { get; }

    /// <summary>The failed sources that could have known this item's watch state. Empty when the state is known.</summary>
    public IReadOnlyList<string> UnknownBecause { get; }

    [JsonIgnore]
    public bool IsKnown => UnknownBecause.Count == 0;

    /// <summary>Unknown when a source that could know failed this run; otherwise watched when anyone has watch activity.</summary>
    [JsonIgnore]
    public WatchStatus Status => !IsKnown ? WatchStatus.Unknown : WatchedBy.Count > 0 ? WatchStatus.Watched : WatchStatus.Unwatched;

    /// <summary>The latest play by anyone.</summary>
    [JsonIgnore]
    public DateTimeOffset? LastWatched { get; }

    /// <summary>Completed plays summed over users.</summary>
    [JsonIgnore]
    public int PlayCount { get; }

    [JsonIgnore]
    public IReadOnlyList<string> WatchedBy { get; }

    [JsonIgnore]
    public IReadOnlyList<string> FavoriteOf { get; }

    [JsonIgnore]
    public IReadOnlyList<string> InProgressBy { get; }

    /// <summary>Who is playing it now ("currently playing").</summary>
    [JsonIgnore]
    public IReadOnlyList<string> PlayingBy { get; }

    /// <summary>The state of one user (names compare case-insensitively), or null when that user has none.</summary>
    public UserWatch? ForUser(string user)
    {
        for (var i = 0; i < Users.Count; i++)
        {
            if (string.Equals(Users[i].User, user, StringComparison.OrdinalIgnoreCase))
            {
                return Users[i];
            }
        }

        return null;
    }
}
