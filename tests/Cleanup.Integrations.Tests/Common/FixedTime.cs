namespace Cleanup.Integrations.Tests.Common;

/// <summary>A clock that always says the same moment, for date rules that depend on "now".</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
