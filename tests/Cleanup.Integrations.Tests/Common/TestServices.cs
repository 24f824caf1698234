using Cleanup.Fakes.Hosting;
using Cleanup.Integrations.Configuration;

namespace Cleanup.Integrations.Tests.Common;

/// <summary>Keys and options shared by the client tests: fast retries, a secret-looking key and tunnel header.</summary>
internal static class TestServices
{
    /// <summary>Looks like a real key so a leak is found by a plain substring search.</summary>
    public const string ApiKey = "k3y-5ecr3t-0a1b2c3d4e5f";

    /// <summary>A tunnel header whose value is as secret as the key.</summary>
    public const string TunnelHeader = "CF-Access-Client-Secret";

    public const string TunnelSecret = "tunn3l-5ecr3t-9z8y7x";

    public static ServiceInstanceOptions Options(FakeService fake, Action<ServiceInstanceOptions>? change = null)
    {
        var options = new ServiceInstanceOptions
        {
            Name = fake.Kind.ToString().ToLowerInvariant() + "-test",
            Url = fake.BaseUrl,
            ApiKey = fake.ApiKey,
            Retries = 2,
            RetryDelayMilliseconds = 10,
            TimeoutSeconds = 10,
            MaxConcurrency = 4,
            Headers = { [TunnelHeader] = TunnelSecret },
        };
        change?.Invoke(options);
        return options;
    }

    /// <summary>Starts a fake and hands it back for <c>await using</c>.</summary>
    public static async Task<T> StartAsync<T>(T fake)
        where T : FakeService
    {
        await fake.StartAsync();
        return fake;
    }

    /// <summary>Everything an exception would show in a log: message, type, stack and inner exceptions.</summary>
    public static void AssertNoSecret(Exception ex)
    {
        var text = ex.ToString() + ex.Message + (ex.InnerException?.ToString() ?? string.Empty);
        Assert.DoesNotContain(ApiKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain(TunnelSecret, text, StringComparison.Ordinal);
        Assert.DoesNotContain("apikey", text, StringComparison.OrdinalIgnoreCase);
    }
}
