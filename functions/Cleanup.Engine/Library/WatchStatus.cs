namespace Cleanup.Engine.Library;

/// <summary>
/// Whether anyone watched an item. A tri-state on purpose: when a source that could know failed this run, the answer is
/// <see cref="Unknown"/>, never <see cref="Unwatched"/>.
/// </summary>
public enum WatchStatus
{
    Unwatched,
    Watched,
    Unknown,
}
