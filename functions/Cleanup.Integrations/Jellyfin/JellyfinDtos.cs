using System.Text.Json.Serialization;
using Cleanup.Integrations.Json;

namespace Cleanup.Integrations.Jellyfin;

// The wire shapes of Jellyfin/Emby (PascalCase, nulls omitted). Only the members Cleanup reads; dates stay strings
// so an odd one becomes a visible DataIssue instead of a failed read.

internal sealed record JellyfinPublicSystemInfo(string? ServerName, string? Version, string? ProductName, string? Id);

internal sealed record JellyfinUserPolicy(bool? IsAdministrator, bool? IsDisabled, bool? IsHidden);

internal sealed record JellyfinUserDto(
    [property: JsonConverter(typeof(FlexibleStringConverter))] string? Id,
    string? Name,
    JellyfinUserPolicy? Policy);

/// <summary>Emby's <c>GET /Users/Query</c> answer.</summary>
internal sealed record JellyfinUserQueryResult(IReadOnlyList<JellyfinUserDto>? Items, int? TotalRecordCount);

internal sealed record JellyfinMediaSource(string? Id, string? Path, [property: JsonConverter(typeof(FlexibleInt64Converter))] long? Size);

internal sealed record JellyfinUserData(
    [property: JsonConverter(typeof(FlexibleBoolConverter))] bool? Played,
    [property: JsonConverter(typeof(FlexibleInt64Converter))] long? PlayCount,
    string? LastPlayedDate,
    [property: JsonConverter(typeof(FlexibleInt64Converter))] long? PlaybackPositionTicks,
    [property: JsonConverter(typeof(FlexibleBoolConverter))] bool? IsFavorite,
    double? PlayedPercentage,
    int? UnplayedItemCount);

internal sealed record JellyfinItemDto(
    [property: JsonConverter(typeof(FlexibleStringConverter))] string? Id,
    string? Name,
    string? Type,
    [property: JsonConverter(typeof(FlexibleInt64Converter))] long? ProductionYear,
    [property: JsonConverter(typeof(FlexibleStringConverter))] string? SeriesId,
    [property: JsonConverter(typeof(FlexibleStringConverter))] string? SeasonId,
    [property: JsonConverter(typeof(FlexibleInt64Converter))] long? IndexNumber,
    [property: JsonConverter(typeof(FlexibleInt64Converter))] long? ParentIndexNumber,
    Dictionary<string, string?>? ProviderIds,
    string? Path,
    string? DateCreated,
    IReadOnlyList<JellyfinMediaSource>? MediaSources,
    JellyfinUserData? UserData);

internal sealed record JellyfinItemPage(IReadOnlyList<JellyfinItemDto>? Items, int? TotalRecordCount, int? StartIndex);

internal sealed record JellyfinNowPlayingItem([property: JsonConverter(typeof(FlexibleStringConverter))] string? Id, string? Name, string? Type);

internal sealed record JellyfinSession(
    string? Id,
    [property: JsonConverter(typeof(FlexibleStringConverter))] string? UserId,
    string? UserName,
    JellyfinNowPlayingItem? NowPlayingItem);

internal sealed record JellyfinCollectionCreated([property: JsonConverter(typeof(FlexibleStringConverter))] string? Id);
