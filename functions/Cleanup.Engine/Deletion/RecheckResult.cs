using System.Text.Json.Serialization;

namespace Cleanup.Engine.Deletion;

/// <summary>What a fresh look at an item right before acting found.</summary>
/// <param name="Reason">For anything but <see cref="RecheckStatus.StillDue"/>: why, in words ("watched by anna since it was flagged").</param>
public sealed record RecheckResult(
    [property: JsonConverter(typeof(JsonStringEnumConverter<RecheckStatus>))] RecheckStatus Status,
    string? Reason = null)
{
    public static RecheckResult StillDue { get; } = new(RecheckStatus.StillDue);

    public static RecheckResult Protected(string reason) => new(RecheckStatus.Protected, reason);
}

public enum RecheckStatus
{
    /// <summary>Nothing changed: go ahead.</summary>
    StillDue,

    /// <summary>Now protected: watched since flagged, kept, favourite, playing, requested again...</summary>
    Protected,

    /// <summary>No longer in the library (deleted by someone else).</summary>
    Gone,

    /// <summary>The fresh state could not be read; unknown is never treated as still due.</summary>
    Unknown,
}
