using Cleanup.Engine.Evaluation;
using Cleanup.Engine.Library;
using Cleanup.Engine.Ports;
using Cleanup.Engine.Protections;

namespace Cleanup.Engine.Sync;

/// <summary>Flattens a rules decision and its library item into the stored read model the API shows.</summary>
internal static class MediaRecordMapping
{
    public const string Unmatched = "Unmatched";

    public static MediaRecord ToRecord(Decision decision, LibraryItem item, DateTimeOffset now)
    {
        var keep = decision.Protections.FirstOrDefault(p => p.Kind is ProtectionKind.ManualKeep or ProtectionKind.Postponed);
        return new MediaRecord
        {
            Id = decision.ItemId,
            Title = item.Title,
            Year = item.Year,
            MediaType = TypeName(item.Type),
            SizeBytes = item.SizeBytes,
            AddedAt = item.Added,
            FlaggedAt = decision.FlaggedAt,
            DueAt = decision.DueDate,
            DeletionDate = decision.DeletionDate,
            Status = item.IsMatched ? decision.Status.ToString() : Unmatched,
            Rule = decision.Rule?.Describe(),
            Action = decision.Action.ToString(),
            Trace = decision.Trace.Sentences,
            Sources = [.. item.Sources.Select(Describe)],
            WatchedBy = item.Watch.WatchedBy,
            Kept = keep is not null,
            KeptUntil = keep?.Kind == ProtectionKind.Postponed ? keep.Date : null,
            UpdatedAt = now,
        };
    }

    public static string TypeName(MediaType type) => type switch
    {
        MediaType.Movie => "movie",
        MediaType.Series => "series",
        MediaType.Season => "season",
        _ => "episode",
    };

    /// <summary>"radarr:main:42": kind, instance, the item's id there.</summary>
    public static string Describe(Library.SourceRef source) =>
        $"{source.Kind.ToString().ToLowerInvariant()}:{source.Instance}:{source.Id}";

    /// <summary>Equal in everything the user sees; <see cref="MediaRecord.UpdatedAt"/> is ignored (it changes every run).</summary>
    public static bool SameContent(MediaRecord a, MediaRecord b) =>
        a.Id == b.Id
        && a.Title == b.Title
        && a.Year == b.Year
        && a.MediaType == b.MediaType
        && a.SizeBytes == b.SizeBytes
        && a.AddedAt == b.AddedAt
        && a.FlaggedAt == b.FlaggedAt
        && a.DueAt == b.DueAt
        && a.DeletionDate == b.DeletionDate
        && a.Status == b.Status
        && a.Rule == b.Rule
        && a.Action == b.Action
        && a.Kept == b.Kept
        && a.KeptUntil == b.KeptUntil
        && a.Trace.SequenceEqual(b.Trace)
        && a.Sources.SequenceEqual(b.Sources)
        && a.WatchedBy.SequenceEqual(b.WatchedBy);
}
