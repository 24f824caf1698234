using Cleanup.Engine.Sources;
using Cleanup.Integrations.Http;

namespace Cleanup.Integrations.Radarr;

/// <summary>Radarr's movie JSON to <see cref="ArrMovie"/>, with tag ids resolved to labels.</summary>
internal static class RadarrMovieMapping
{
    /// <returns>null when the movie cannot be acted on (no id); that is recorded as an issue.</returns>
    public static ArrMovie? ToArrMovie(MovieResource movie, IReadOnlyDictionary<int, string> tagLabels, string instance, IssueRecorder issues)
    {
        var item = $"movie {movie.Id} '{movie.Title}'";
        if (movie.Id <= 0)
        {
            issues.Record(item, "id", movie.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "movie without an id; skipped");
            return null;
        }

        var tags = new List<string>(movie.Tags?.Count ?? 0);
        foreach (var id in movie.Tags ?? [])
        {
            // An unknown tag id could be an exclusion ("keep") we cannot see: the read as a whole is not trustworthy.
            tags.Add(tagLabels.TryGetValue(id, out var label)
                ? label
                : throw new SourceReadException(instance, ServiceKind.Radarr, $"movie {movie.Id} has tag id {id} that GET /api/v3/tag does not list"));
        }

        var file = movie.MovieFile;
        var hasFile = movie.HasFile ?? file is not null;
        return new ArrMovie(
            instance,
            movie.Id,
            movie.Title ?? string.Empty,
            movie.Year is > 0 ? movie.Year : null,
            movie.TmdbId is > 0 ? movie.TmdbId : null,
            string.IsNullOrWhiteSpace(movie.ImdbId) ? null : movie.ImdbId,
            issues.Happened(movie.Added, item, "added", expected: true),
            file is null ? null : issues.Happened(file.DateAdded, item, "movieFile.dateAdded", expected: true),
            movie.SizeOnDisk ?? file?.Size ?? movie.Statistics?.SizeOnDisk ?? 0,
            hasFile,
            movie.Monitored ?? Unknown(issues, item, "monitored"),
            tags,
            movie.Path,
            file is { Id: > 0 } ? file.Id : null);
    }

    private static bool Unknown(IssueRecorder issues, string item, string field)
    {
        issues.Record(item, field, null, "missing; treated as false");
        return false;
    }
}
