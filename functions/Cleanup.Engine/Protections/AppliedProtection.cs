using System.Globalization;

namespace Cleanup.Engine.Protections;

/// <summary>One protection that applies to an item, with what triggered it.</summary>
/// <param name="User">The user whose favorite, play, or request it is.</param>
/// <param name="Date">Postponed until; requested at.</param>
/// <param name="FromItemId">The item the protection comes from when not this one (its series, season or an episode).</param>
/// <param name="Detail">Other detail in words (the failed sources).</param>
public sealed record AppliedProtection(
    ProtectionKind Kind,
    string? User = null,
    DateTimeOffset? Date = null,
    string? FromItemId = null,
    string? Detail = null)
{
    /// <summary>True for protections that come from this run's failures rather than from anyone's choice.</summary>
    public bool IsTransient => Kind is ProtectionKind.UnknownWatchState or ProtectionKind.UnknownRequests;

    /// <summary>A short sentence for people.</summary>
    public string Describe()
    {
        var from = FromItemId is null ? string.Empty : $" (through {FromItemId})";
        return Kind switch
        {
            ProtectionKind.ManualKeep => $"Kept by hand{from}.",
            ProtectionKind.Postponed => $"Postponed until {Day(Date)}{from}.",
            ProtectionKind.Favorite => $"A favorite of {User}{from}.",
            ProtectionKind.InProgress => $"{User} has started it and not finished.",
            ProtectionKind.CurrentlyPlaying => $"{User} is playing it right now.",
            ProtectionKind.RecentlyRequested => $"Requested by {User} on {Day(Date)}, within the protection window.",
            ProtectionKind.UnknownWatchState => $"Watch state unknown because {Detail} failed this run; unknown is never unwatched.",
            ProtectionKind.UnknownRequests => $"Requests unknown because {Detail} failed this run.",
            ProtectionKind.Unmatched => $"Not matched to any provider id{(Detail is null ? string.Empty : $": {Detail}")}; never deleted.",
            ProtectionKind.NotManaged => "No Radarr or Sonarr knows it, so there is nothing to delete it through.",
            _ => Kind.ToString(),
        };
    }

    internal static string Day(DateTimeOffset? date) =>
        date?.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "an unknown date";
}
