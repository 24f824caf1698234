using Cleanup.Engine.Rules;

namespace Cleanup.Engine.Protections;

/// <summary>
/// Which protections are on. Manual keeps, postponements, unmatched items and unknown watch state always protect and
/// cannot be switched off.
/// </summary>
public sealed record ProtectionOptions
{
    /// <summary>Whose favorites protect an item (media server user names, case-insensitive); <c>*</c> for everyone, empty for nobody.</summary>
    public IReadOnlyList<string> FavoritesOf { get; init; } = ["*"];

    /// <summary>Protect items someone has started and not finished.</summary>
    public bool InProgress { get; init; } = true;

    /// <summary>Protect items someone is playing right now.</summary>
    public bool CurrentlyPlaying { get; init; } = true;

    /// <summary>Protect items requested within this long; <c>never</c> or <c>0d</c> to switch off.</summary>
    public RetentionPeriod RequestedWithin { get; init; } = RetentionPeriod.Days(14);
}
