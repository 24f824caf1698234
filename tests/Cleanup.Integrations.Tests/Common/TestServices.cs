using Cleanup.Fakes.Hosting;
using Cleanup.Integrations.Configuration;

namespace Cleanup.Integrations.Tests.Common;

/// <summary>Keys and options shared by the client tests: fast retries, a secret-looking key and tunnel header.</summary>
/// <remarks>
/// Two styles meet here: the *arr/Seerr tests use <see cref="Options"/> (the key and tunnel secret below), the media
/// server and history tests <see cref="OptionsFor"/> (each test's own key and instance name).
/// </remarks>
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

    /// <summary>Starts a fake and hands it back for <c>await using</c>.</summary>
    public static async Task<T> StartAsync<T>(T fake)
        where T : FakeService
    {
        await fake.StartAsync();
        return fake;
    }

    /// <summary>Neither the key, the tunnel secret nor the word "apikey" shows anywhere an exception would in a log.</summary>
    public static void AssertNoSecret(Exception ex)
    {
        AssertNoSecret(ex, ApiKey);
        AssertNoSecret(ex, TunnelSecret);
        AssertNoSecret(ex, "apikey");
    }

    /// <summary>Everything an exception would show in a log (message, type, stack, inner exceptions) leaves out <paramref name="secret"/>.</summary>
    public static void AssertNoSecret(Exception ex, string secret)
    {
        Assert.DoesNotContain(secret, ex.ToString(), StringComparison.OrdinalIgnoreCase);
        for (var e = ex; e is not null; e = e.InnerException)
        {
            Assert.DoesNotContain(secret, e.Message, StringComparison.OrdinalIgnoreCase);
        }
    }
}
