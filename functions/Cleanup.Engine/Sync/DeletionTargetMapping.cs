using System.Globalization;
using Cleanup.Engine.Deletion;
using Cleanup.Engine.Library;
using Cleanup.Engine.Sources;

namespace Cleanup.Engine.Sync;

/// <summary>Where a library item lives in each service, in the shape the deletion pipeline acts on.</summary>
internal static class DeletionTargetMapping
{
    public static DeletionTargets For(LibraryItem item, UnifiedLibrary library)
    {
        var descendants = Descendants(item, library);
        return new DeletionTargets(
            [.. ArrTargets(item, descendants)],
            [.. item.Requests.Select(r => new RequestTarget(r.Source, r.MediaId)).Distinct()],
            [.. MediaServerTargets(item, descendants)]);
    }

    /// <summary>The item's own media server ids (what a "leaving soon" collection holds).</summary>
    public static IReadOnlyList<MediaServerTarget> OwnMediaServerItems(LibraryItem item) =>
        [.. item.Sources.Where(IsMediaServer).Select(s => new MediaServerTarget(s.Instance, s.Id))];

    public static DeletionMediaType MediaTypeOf(MediaType type) => type switch
    {
        MediaType.Movie => DeletionMediaType.Movie,
        MediaType.Series => DeletionMediaType.Series,
        MediaType.Season => DeletionMediaType.Season,
        _ => DeletionMediaType.Episode,
    };

    private static IEnumerable<ArrTarget> ArrTargets(LibraryItem item, List<LibraryItem> descendants)
    {
        foreach (var source in item.Sources)
        {
            switch (item.Type)
            {
                case MediaType.Movie when source.Kind == ServiceKind.Radarr && Int(source.Id) is { } movieId:
                    yield return new ArrTarget(source.Instance, ServiceKind.Radarr, movieId, FileIds: source.FileId is { } f ? [f] : []);
                    break;
                case MediaType.Series when source.Kind == ServiceKind.Sonarr && Int(source.Id) is { } seriesId:
                    yield return new ArrTarget(source.Instance, ServiceKind.Sonarr, seriesId, FileIds: EpisodeFiles(descendants, source.Instance));
                    break;
                case MediaType.Season when source.Kind == ServiceKind.Sonarr && (source.SeriesId ?? Int(source.Id)) is { } seriesId:
                    yield return new ArrTarget(source.Instance, ServiceKind.Sonarr, seriesId, source.SeasonNumber ?? item.SeasonNumber,
                        FileIds: EpisodeFiles(descendants, source.Instance));
                    break;
                case MediaType.Episode when source.Kind == ServiceKind.Sonarr && source.SeriesId is { } seriesId && Int(source.Id) is { } episodeId:
                    yield return new ArrTarget(source.Instance, ServiceKind.Sonarr, seriesId, item.SeasonNumber, [episodeId], source.FileId is { } file ? [file] : []);
                    break;
            }
        }
    }

    private static List<int> EpisodeFiles(List<LibraryItem> descendants, string instance) =>
    [
        .. descendants
            .Where(d => d.Type == MediaType.Episode)
            .SelectMany(d => d.Sources)
            .Where(s => s.Kind == ServiceKind.Sonarr && string.Equals(s.Instance, instance, StringComparison.OrdinalIgnoreCase) && s.FileId is not null)
            .Select(s => s.FileId!.Value)
            .Distinct(),
    ];

    /// <summary>Its own ids and its episodes' (a play of any episode counts when re-checking a series or season).</summary>
    private static IEnumerable<MediaServerTarget> MediaServerTargets(LibraryItem item, List<LibraryItem> descendants) =>
        new[] { item }.Concat(descendants)
            .SelectMany(i => i.Sources)
            .Where(IsMediaServer)
            .Select(s => new MediaServerTarget(s.Instance, s.Id))
            .Distinct();

    private static List<LibraryItem> Descendants(LibraryItem item, UnifiedLibrary library)
    {
        var all = new List<LibraryItem>();
        var pending = new Stack<string>([item.Id]);
        while (pending.Count > 0)
        {
            foreach (var child in library.ChildrenOf(pending.Pop()))
            {
                all.Add(child);
                pending.Push(child.Id);
            }
        }

        return all;
    }

    private static bool IsMediaServer(Library.SourceRef source) => source.Kind is ServiceKind.Jellyfin or ServiceKind.Emby or ServiceKind.Plex;

    private static int? Int(string id) => int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}
