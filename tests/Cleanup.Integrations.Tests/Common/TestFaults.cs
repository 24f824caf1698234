using Cleanup.Fakes.Hosting;

namespace Cleanup.Integrations.Tests.Common;

/// <summary>The read faults every media server and history client is tested against, and the budgets that keep them quick.</summary>
internal static class TestFaults
{
    /// <summary>Applies a fault the way tests describe it; slow means slower than a 1 s timeout.</summary>
    public static void Apply(FakeService fake, Fault fault)
    {
        fake.Faults.Current = fault;
        fake.Faults.SlowDelay = TimeSpan.FromSeconds(4);
    }

    public static IEnumerable<object[]> ReadFaults() =>
        [[Fault.Down], [Fault.Slow], [Fault.ServerError], [Fault.MalformedJson], [Fault.EmptyAnswer], [Fault.TruncatedPaging]];

    /// <summary>Slow needs a short timeout and no retries to stay quick; the others get retries.</summary>
    public static (int Retries, int Timeout) BudgetFor(Fault fault) => fault == Fault.Slow ? (0, 1) : (2, 5);
}
