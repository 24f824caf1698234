using System.Text.Json.Serialization;
using Cleanup.Engine.Sources;

namespace Cleanup.Engine.Deletion;

/// <summary>
/// An item the rules say is due, with everything the deletion pipeline needs to act on it and to explain why.
/// The host maps the rules engine's decisions into these.
/// </summary>
/// <param name="ItemId">Cleanup's id of the item, e.g. "movie:tmdb:603".</param>
/// <param name="Rule">The rule that made it due, in words ("default movies: 30d after added").</param>
/// <param name="Trace">How the rules got there, one line per step (audited as is).</param>
/// <param name="AddImportListExclusion">For <see cref="DeletionAction.Delete"/>: also add a Radarr/Sonarr import-list exclusion.</param>
/// <param name="FlaggedAt">When it entered leaving soon (re-check looks for plays and favourites since then).</param>
public sealed record DeletionCandidate(
    string ItemId,
    string Title,
    [property: JsonConverter(typeof(JsonStringEnumConverter<DeletionMediaType>))] DeletionMediaType MediaType,
    long SizeBytes,
    [property: JsonConverter(typeof(JsonStringEnumConverter<DeletionAction>))] DeletionAction Action,
    string Rule,
    IReadOnlyList<string> Trace,
    DeletionTargets Targets,
    bool AddImportListExclusion = false,
    DateTimeOffset? FlaggedAt = null,
    DateTimeOffset? DeletionDate = null);

public enum DeletionMediaType
{
    [JsonStringEnumMemberName("movie")]
    Movie,

    [JsonStringEnumMemberName("series")]
    Series,

    [JsonStringEnumMemberName("season")]
    Season,

    [JsonStringEnumMemberName("episode")]
    Episode,
}

/// <summary>What a rule does with a due item.</summary>
public enum DeletionAction
{
    /// <summary>Removes the movie/series and its files from Radarr/Sonarr (seasons and episodes: unmonitor and delete files).</summary>
    Delete,

    /// <summary>Keeps the entry in Radarr/Sonarr but unmonitored, and deletes the files.</summary>
    UnmonitorAndDeleteFiles,

    /// <summary>Only unmonitors; files stay.</summary>
    UnmonitorOnly,

    /// <summary>Shows the item as due; never acts.</summary>
    DoNothing,
}

/// <summary>Where the item lives in each service.</summary>
public sealed record DeletionTargets(
    IReadOnlyList<ArrTarget> Arr,
    IReadOnlyList<RequestTarget> Requests,
    IReadOnlyList<MediaServerTarget> MediaServers)
{
    public static DeletionTargets None { get; } = new([], [], []);
}

/// <summary>
/// The item in one Radarr or Sonarr instance. <paramref name="Id"/> is the movie id (Radarr) or the series id
/// (Sonarr); seasons carry <paramref name="SeasonNumber"/>; episodes carry <paramref name="EpisodeIds"/>;
/// <paramref name="FileIds"/> are movie-file or episode-file ids to delete.
/// </summary>
public sealed record ArrTarget(
    string Instance,
    [property: JsonConverter(typeof(JsonStringEnumConverter<ServiceKind>))] ServiceKind Kind,
    int Id,
    int? SeasonNumber = null,
    IReadOnlyList<int>? EpisodeIds = null,
    IReadOnlyList<int>? FileIds = null);

/// <summary>The item's media record in one Jellyseerr/Overseerr instance (its internal media id).</summary>
public sealed record RequestTarget(string Instance, int MediaId);

/// <summary>The item on one media server.</summary>
public sealed record MediaServerTarget(string Server, string ItemId);
