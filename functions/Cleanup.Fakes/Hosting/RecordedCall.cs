namespace Cleanup.Fakes.Hosting;

/// <summary>A mutating call a fake received (DELETE, PUT, POST), so tests can assert exactly what was changed.</summary>
public sealed record RecordedCall(string Method, string Path, string Query, string? Body, DateTimeOffset At)
{
    public override string ToString() => $"{Method} {Path}{Query}";
}
