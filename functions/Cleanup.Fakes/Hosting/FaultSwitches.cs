namespace Cleanup.Fakes.Hosting;

/// <summary>What a fake service does wrong, switchable at any time while it runs (tests and demo mode).</summary>
public enum Fault
{
    /// <summary>Behaves like the real server.</summary>
    None,

    /// <summary>Drops every connection without an answer, like a service that is down.</summary>
    Down,

    /// <summary>Answers after <see cref="FaultSwitches.SlowDelay"/>.</summary>
    Slow,

    /// <summary>Answers 500 (or <see cref="FaultSwitches.ServerErrorStatus"/>) to every request.</summary>
    ServerError,

    /// <summary>Answers 200 with a body that is not valid JSON.</summary>
    MalformedJson,

    /// <summary>Answers 200 with an empty body.</summary>
    EmptyAnswer,

    /// <summary>Paged endpoints stop early: they claim more items than they ever return.</summary>
    TruncatedPaging,
}

/// <summary>The fault switch of one fake service. Thread-safe; read on every request.</summary>
public sealed class FaultSwitches
{
    private volatile Fault current;

    public Fault Current
    {
        get => current;
        set => current = value;
    }

    public TimeSpan SlowDelay { get; set; } = TimeSpan.FromSeconds(5);

    public int ServerErrorStatus { get; set; } = 500;

    /// <summary>Only the first N requests fail, then the service recovers (for retry tests); null = all fail.</summary>
    public int? FailFirst { get; set; }
}
