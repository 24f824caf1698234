using Cleanup.Engine.Deletion;
using Cleanup.Engine.Ports;

namespace Cleanup.Engine.Sync;

/// <summary>
/// The items leaving soon, from the stored library (what the last sync decided) and the latest library snapshot
/// (their media server ids, for the "leaving soon" collections).
/// </summary>
public sealed class LeavingSoonFromStore(IMediaStore media, ILibrarySnapshotStore library) : ILeavingSoonSource
{
    public async Task<IReadOnlyList<LeavingSoonEntry>> ListAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var records = (await media.ListAsync(cancellationToken).ConfigureAwait(false))
            .Where(r => r.IsLeaving && r.FlaggedAt is not null && r.DeletionDate is not null)
            .OrderBy(r => r.DeletionDate)
            .ThenBy(r => r.Id, StringComparer.Ordinal)
            .ToList();
        if (records.Count == 0)
        {
            return [];
        }

        var latest = await library.LoadLatestAsync(cancellationToken).ConfigureAwait(false);
        return
        [
            .. records.Select(r => new LeavingSoonEntry(
                r.Id,
                r.Title,
                StoredKinds.MediaTypeOf(r),
                r.SizeBytes,
                r.FlaggedAt!.Value,
                r.DeletionDate!.Value,
                latest?.Library.Find(r.Id) is { } item ? DeletionTargetMapping.OwnMediaServerItems(item) : [],
                r.Year)),
        ];
    }
}

internal static class StoredKinds
{
    public static DeletionMediaType MediaTypeOf(MediaRecord record) => record.MediaType switch
    {
        "series" => DeletionMediaType.Series,
        "season" => DeletionMediaType.Season,
        "episode" => DeletionMediaType.Episode,
        _ => DeletionMediaType.Movie,
    };

    public static DeletionAction? ActionOf(MediaRecord record) =>
        Enum.TryParse<DeletionAction>(record.Action, ignoreCase: false, out var action) ? action : null;
}
