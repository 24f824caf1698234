using System.Text.Json.Serialization;
using Cleanup.Integrations.Json;

namespace Cleanup.Integrations.Tautulli;

// Tautulli API v2 shapes: snake_case, every answer wrapped in {"response":{"result","message","data"}}; numbers and
// ids arrive as ints, strings or "" depending on the column and version, so every scalar is read leniently.

internal sealed record TautulliEnvelope<T>([property: JsonPropertyName("response")] TautulliResponse<T>? Response);

internal sealed record TautulliResponse<T>(
    [property: JsonPropertyName("result")] string? Result,
    [property: JsonPropertyName("message"), JsonConverter(typeof(FlexibleStringConverter))] string? Message,
    [property: JsonPropertyName("data")] T? Data);

internal sealed record TautulliHistoryData(
    [property: JsonPropertyName("recordsFiltered"), JsonConverter(typeof(FlexibleInt64Converter))] long? RecordsFiltered,
    [property: JsonPropertyName("recordsTotal"), JsonConverter(typeof(FlexibleInt64Converter))] long? RecordsTotal,
    [property: JsonPropertyName("data")] IReadOnlyList<TautulliHistoryRow>? Data);

internal sealed record TautulliHistoryRow(
    [property: JsonPropertyName("id"), JsonConverter(typeof(FlexibleStringConverter))] string? Id,
    [property: JsonPropertyName("row_id"), JsonConverter(typeof(FlexibleStringConverter))] string? RowId,
    [property: JsonPropertyName("date"), JsonConverter(typeof(FlexibleInt64Converter))] long? Date,
    [property: JsonPropertyName("duration"), JsonConverter(typeof(FlexibleInt64Converter))] long? Duration,
    [property: JsonPropertyName("play_duration"), JsonConverter(typeof(FlexibleInt64Converter))] long? PlayDuration,
    [property: JsonPropertyName("user"), JsonConverter(typeof(FlexibleStringConverter))] string? User,
    [property: JsonPropertyName("friendly_name"), JsonConverter(typeof(FlexibleStringConverter))] string? FriendlyName,
    [property: JsonPropertyName("user_id"), JsonConverter(typeof(FlexibleStringConverter))] string? UserId,
    [property: JsonPropertyName("media_type"), JsonConverter(typeof(FlexibleStringConverter))] string? MediaType,
    [property: JsonPropertyName("rating_key"), JsonConverter(typeof(FlexibleStringConverter))] string? RatingKey,
    [property: JsonPropertyName("grandparent_rating_key"), JsonConverter(typeof(FlexibleStringConverter))] string? GrandparentRatingKey,
    [property: JsonPropertyName("percent_complete"), JsonConverter(typeof(FlexibleInt64Converter))] long? PercentComplete,
    [property: JsonPropertyName("watched_status"), JsonConverter(typeof(FlexibleDoubleConverter))] double? WatchedStatus);

internal sealed record TautulliInfo([property: JsonPropertyName("tautulli_version"), JsonConverter(typeof(FlexibleStringConverter))] string? Version);
