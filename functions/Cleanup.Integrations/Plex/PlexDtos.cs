using System.Text.Json.Serialization;
using Cleanup.Integrations.Json;

namespace Cleanup.Integrations.Plex;

// Plex Media Server JSON (Accept: application/json): everything inside "MediaContainer", attributes camelCase,
// child lists capitalised (Directory, Metadata, Media, Part, Guid, User). ratingKeys are strings that look numeric.

internal sealed record PlexEnvelope([property: JsonPropertyName("MediaContainer")] PlexMediaContainer? MediaContainer);

internal sealed record PlexMediaContainer(
    [property: JsonPropertyName("size"), JsonConverter(typeof(FlexibleInt64Converter))] long? Size,
    [property: JsonPropertyName("totalSize"), JsonConverter(typeof(FlexibleInt64Converter))] long? TotalSize,
    [property: JsonPropertyName("offset"), JsonConverter(typeof(FlexibleInt64Converter))] long? Offset,
    [property: JsonPropertyName("version"), JsonConverter(typeof(FlexibleStringConverter))] string? Version,
    [property: JsonPropertyName("friendlyName"), JsonConverter(typeof(FlexibleStringConverter))] string? FriendlyName,
    [property: JsonPropertyName("myPlexUsername"), JsonConverter(typeof(FlexibleStringConverter))] string? MyPlexUsername,
    [property: JsonPropertyName("Directory")] IReadOnlyList<PlexSection>? Directory,
    [property: JsonPropertyName("Metadata")] IReadOnlyList<PlexMetadata>? Metadata);

internal sealed record PlexSection(
    [property: JsonPropertyName("key"), JsonConverter(typeof(FlexibleStringConverter))] string? Key,
    [property: JsonPropertyName("type"), JsonConverter(typeof(FlexibleStringConverter))] string? Type,
    [property: JsonPropertyName("title"), JsonConverter(typeof(FlexibleStringConverter))] string? Title);

internal sealed record PlexGuid([property: JsonPropertyName("id"), JsonConverter(typeof(FlexibleStringConverter))] string? Id);

internal sealed record PlexPart(
    [property: JsonPropertyName("size"), JsonConverter(typeof(FlexibleInt64Converter))] long? Size,
    [property: JsonPropertyName("file"), JsonConverter(typeof(FlexibleStringConverter))] string? File);

internal sealed record PlexMedia([property: JsonPropertyName("Part")] IReadOnlyList<PlexPart>? Part);

internal sealed record PlexUser(
    [property: JsonPropertyName("id"), JsonConverter(typeof(FlexibleStringConverter))] string? Id,
    [property: JsonPropertyName("title"), JsonConverter(typeof(FlexibleStringConverter))] string? Title);

internal sealed record PlexMetadata(
    [property: JsonPropertyName("ratingKey"), JsonConverter(typeof(FlexibleStringConverter))] string? RatingKey,
    [property: JsonPropertyName("type"), JsonConverter(typeof(FlexibleStringConverter))] string? Type,
    [property: JsonPropertyName("title"), JsonConverter(typeof(FlexibleStringConverter))] string? Title,
    [property: JsonPropertyName("year"), JsonConverter(typeof(FlexibleInt64Converter))] long? Year,
    [property: JsonPropertyName("addedAt"), JsonConverter(typeof(FlexibleInt64Converter))] long? AddedAt,
    [property: JsonPropertyName("lastViewedAt"), JsonConverter(typeof(FlexibleInt64Converter))] long? LastViewedAt,
    [property: JsonPropertyName("viewCount"), JsonConverter(typeof(FlexibleInt64Converter))] long? ViewCount,
    [property: JsonPropertyName("viewOffset"), JsonConverter(typeof(FlexibleInt64Converter))] long? ViewOffset,
    [property: JsonPropertyName("leafCount"), JsonConverter(typeof(FlexibleInt64Converter))] long? LeafCount,
    [property: JsonPropertyName("viewedLeafCount"), JsonConverter(typeof(FlexibleInt64Converter))] long? ViewedLeafCount,
    [property: JsonPropertyName("grandparentRatingKey"), JsonConverter(typeof(FlexibleStringConverter))] string? GrandparentRatingKey,
    [property: JsonPropertyName("index"), JsonConverter(typeof(FlexibleInt64Converter))] long? Index,
    [property: JsonPropertyName("parentIndex"), JsonConverter(typeof(FlexibleInt64Converter))] long? ParentIndex,
    [property: JsonPropertyName("Guid")] IReadOnlyList<PlexGuid>? Guid,
    [property: JsonPropertyName("Media")] IReadOnlyList<PlexMedia>? Media,
    [property: JsonPropertyName("User")] PlexUser? User);
