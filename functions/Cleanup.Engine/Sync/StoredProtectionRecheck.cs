using Cleanup.Engine.Deletion;
using Cleanup.Engine.Ports;

namespace Cleanup.Engine.Sync;

/// <summary>
/// The rules' half of the re-check right before acting: is the item (or its series or season, or one of its
/// episodes) kept or postponed now, and is it still due by its current stored decision? A keep pressed after the
/// last sync therefore still saves the item. Combine with <see cref="MediaServerRecheck"/> through
/// <see cref="CompositeItemRecheck"/>.
/// </summary>
public sealed class StoredProtectionRecheck(IKeepStore keeps, IMediaStore media, TimeProvider timeProvider) : IItemRecheck
{
    public async Task<RecheckResult> RecheckAsync(DeletionCandidate candidate, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        foreach (var keep in await keeps.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!keep.IsActive(now) || !ItemFamily.Covers(keep.ItemId, candidate.ItemId))
            {
                continue;
            }

            var through = keep.ItemId == candidate.ItemId ? string.Empty : $" (through {keep.ItemId})";
            return RecheckResult.Protected(keep.Until is { } until
                ? $"postponed by {keep.KeptBy} until {until:yyyy-MM-dd}{through}"
                : $"kept by {keep.KeptBy}{through}");
        }

        var record = await media.GetAsync(candidate.ItemId, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return new RecheckResult(RecheckStatus.Gone, "no longer in the library");
        }

        if (record.Kept)
        {
            return RecheckResult.Protected("kept");
        }

        if (record.Status != "Due" || record.DeletionDate is not { } deletion || deletion > now)
        {
            return RecheckResult.Protected($"no longer due: the latest decision is {record.Status}");
        }

        return RecheckResult.StillDue;
    }
}

/// <summary>
/// Which keeps protect which items, by id: a keep on a series or season covers what is under it, and a keep on an
/// episode or season stops its season or series from being deleted whole (that would delete the kept part).
/// Ids: <c>series:tvdb:81189</c>, <c>season:tvdb:81189:s01</c>, <c>episode:tvdb:81189:s01e02</c>.
/// </summary>
internal static class ItemFamily
{
    public static bool Covers(string keptId, string itemId)
    {
        if (string.Equals(keptId, itemId, StringComparison.Ordinal)) return true;
        if (SeriesKey(keptId) is not { } keptSeries || SeriesKey(itemId) is not { } itemSeries || keptSeries != itemSeries) return false;

        var (keptLevel, keptPath) = Level(keptId);
        var (itemLevel, itemPath) = Level(itemId);
        if (keptLevel == itemLevel) return false; // two different seasons or episodes
        if (keptLevel == 0 || itemLevel == 0) return true; // the series and something in it

        // A season and an episode: related when the episode is in that season ("s01" and "s01e02").
        var (season, episode) = keptLevel == 1 ? (keptPath, itemPath) : (itemPath, keptPath);
        return episode.StartsWith(season + "e", StringComparison.Ordinal);
    }

    /// <summary>"tvdb:81189" for any id in that series' family; null for movies and unknown shapes.</summary>
    private static string? SeriesKey(string id)
    {
        var parts = id.Split(':');
        return parts[0] switch
        {
            "series" when parts.Length == 3 => $"{parts[1]}:{parts[2]}",
            "season" or "episode" when parts.Length == 4 => $"{parts[1]}:{parts[2]}",
            _ => null,
        };
    }

    /// <summary>Depth (series 0, season 1, episode 2) and the season/episode part ("", "s01", "s01e02").</summary>
    private static (int Level, string Path) Level(string id)
    {
        var parts = id.Split(':');
        return parts[0] switch
        {
            "series" => (0, string.Empty),
            "season" => (1, parts[3]),
            _ => (2, parts[3]),
        };
    }
}
