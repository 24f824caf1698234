using Cleanup.Fakes.Hosting;
using Cleanup.Integrations.Configuration;

// Shared by the Jellyfin, Plex, Jellystat and Tautulli tests.
namespace Cleanup.Integrations.Tests.Media;

internal static class MediaTestSupport
{
    /// <summary>Client options pointing at a running fake: short retry delays so fault tests stay fast.</summary>
    public static ServiceInstanceOptions OptionsFor(FakeService fake, string name, int retries = 2, int timeoutSeconds = 5, string? apiKey = null, string? url = null) => new()
    {
        Name = name,
        Url = url ?? fake.BaseUrl,
        ApiKey = apiKey ?? fake.ApiKey,
        Retries = retries,
        RetryDelayMilliseconds = 10,
        TimeoutSeconds = timeoutSeconds,
    };

    /// <summary>Asserts that neither the message nor anything in the exception chain mentions the secret.</summary>
    public static void AssertNoSecret(Exception ex, string secret)
    {
        Assert.DoesNotContain(secret, ex.ToString(), StringComparison.OrdinalIgnoreCase);
        for (var e = ex; e is not null; e = e.InnerException)
        {
            Assert.DoesNotContain(secret, e.Message, StringComparison.OrdinalIgnoreCase);
        }
    }

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
