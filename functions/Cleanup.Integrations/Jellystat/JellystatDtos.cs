using System.Text.Json.Serialization;
using Cleanup.Integrations.Json;

namespace Cleanup.Integrations.Jellystat;

// Jellystat's wire shapes (node + Postgres): names as in its tables, nulls written, bigints sometimes strings.

internal sealed record JellystatPage(
    [property: JsonPropertyName("current_page"), JsonConverter(typeof(FlexibleInt64Converter))] long? CurrentPage,
    [property: JsonPropertyName("pages"), JsonConverter(typeof(FlexibleInt64Converter))] long? Pages,
    [property: JsonPropertyName("size"), JsonConverter(typeof(FlexibleInt64Converter))] long? Size,
    [property: JsonPropertyName("results")] IReadOnlyList<JellystatPlay>? Results);

/// <summary>A play; in <c>getHistory</c> the latest play of a group, with every play of the group in <see cref="Results"/>.</summary>
internal sealed record JellystatPlay(
    [property: JsonConverter(typeof(FlexibleStringConverter))] string? Id,
    [property: JsonConverter(typeof(FlexibleStringConverter))] string? UserId,
    [property: JsonConverter(typeof(FlexibleStringConverter))] string? UserName,
    [property: JsonConverter(typeof(FlexibleStringConverter))] string? NowPlayingItemId,
    [property: JsonConverter(typeof(FlexibleStringConverter))] string? NowPlayingItemName,
    [property: JsonConverter(typeof(FlexibleStringConverter))] string? EpisodeId,
    [property: JsonConverter(typeof(FlexibleStringConverter))] string? SeasonId,
    [property: JsonConverter(typeof(FlexibleInt64Converter))] long? PlaybackDuration,
    [property: JsonConverter(typeof(FlexibleStringConverter))] string? ActivityDateInserted,
    [property: JsonConverter(typeof(FlexibleInt64Converter))] long? TotalPlays,
    [property: JsonPropertyName("results")] IReadOnlyList<JellystatPlay>? Results);

internal sealed record JellystatItemHistoryRequest([property: JsonPropertyName("itemid")] string ItemId);
