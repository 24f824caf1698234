namespace Cleanup.Engine.Ports;

/// <summary>
/// A person's decision to keep an item (and, for a series or season, everything under it), optionally only until
/// a date (a postponement).
/// </summary>
public sealed record ManualKeep(string ItemId, DateTimeOffset? Until, string? Reason, string KeptBy, DateTimeOffset At)
{
    /// <summary>Whether the keep still protects at <paramref name="now"/>.</summary>
    public bool IsActive(DateTimeOffset now) => Until is null || Until > now;
}

/// <summary>Manual keeps, read by every evaluation and again at the moment of deletion.</summary>
public interface IKeepStore
{
    Task<IReadOnlyList<ManualKeep>> ListAsync(CancellationToken cancellationToken);

    Task SetAsync(ManualKeep keep, CancellationToken cancellationToken);

    /// <returns>False when there was no keep.</returns>
    Task<bool> RemoveAsync(string itemId, CancellationToken cancellationToken);
}
