namespace Cleanup.Server.Tests.EndToEnd;

/// <summary>
/// The system clock moved forward by hand: "two weeks later" without waiting. Timers stay real (retry back-offs,
/// lease renewals and HTTP timeouts fire as usual), only the time everything reads moves.
/// </summary>
internal sealed class ShiftedClock : TimeProvider
{
    private long offsetTicks;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref offsetTicks, by.Ticks);
}
