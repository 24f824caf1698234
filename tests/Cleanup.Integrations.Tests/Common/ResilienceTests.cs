using Cleanup.Engine.Sources;
using Cleanup.Fakes.Hosting;
using Cleanup.Integrations.Http;

namespace Cleanup.Integrations.Tests.Common;

/// <summary>What every client does when its service misbehaves: retry what is transient, fail loudly, never leak a secret.</summary>
public sealed class ResilienceTests
{
    [Theory]
    [MemberData(nameof(ClientCase.Kinds), MemberType = typeof(ClientCase))]
    public async Task A_service_that_is_down_fails_the_read(string kind)
    {
        await using var c = await ClientCase.StartAsync(kind);
        c.Fake.Faults.Current = Fault.Down;

        var ex = await Assert.ThrowsAsync<SourceReadException>(c.Read);

        Assert.Contains("after 3 attempts", ex.Reason);
        Assert.True(c.Fake.RequestCount >= 3);
        TestServices.AssertNoSecret(ex);
    }

    [Theory]
    [MemberData(nameof(ClientCase.Kinds), MemberType = typeof(ClientCase))]
    public async Task A_slow_service_times_out_per_attempt(string kind)
    {
        await using var c = await ClientCase.StartAsync(kind, o => (o.TimeoutSeconds, o.Retries) = (1, 0));
        c.Fake.Faults.SlowDelay = TimeSpan.FromSeconds(10);
        c.Fake.Faults.Current = Fault.Slow;

        var ex = await Assert.ThrowsAsync<SourceReadException>(c.Read);

        Assert.StartsWith("timed out after 1s", ex.Reason);
        Assert.Equal(1, c.Fake.RequestCount);
        TestServices.AssertNoSecret(ex);
    }

    [Theory]
    [MemberData(nameof(ClientCase.Kinds), MemberType = typeof(ClientCase))]
    public async Task Server_errors_are_retried_until_the_service_recovers(string kind)
    {
        await using var c = await ClientCase.StartAsync(kind, o => o.Retries = 3);
        c.Fake.Faults.FailFirst = 2;
        c.Fake.Faults.Current = Fault.ServerError;

        var status = await c.Probe.ProbeAsync(default);

        Assert.True(status.Reachable, status.Error);
        Assert.Equal(3, c.Fake.RequestCount);
    }

    [Theory]
    [MemberData(nameof(ClientCase.Kinds), MemberType = typeof(ClientCase))]
    public async Task Server_errors_that_last_fail_the_read_after_every_retry(string kind)
    {
        await using var c = await ClientCase.StartAsync(kind);
        c.Fake.Faults.ServerErrorStatus = 503;
        c.Fake.Faults.Current = Fault.ServerError;

        var ex = await Assert.ThrowsAsync<SourceReadException>(c.Read);

        Assert.Equal("HTTP 503 after 3 attempts", ex.Reason);
        Assert.Equal(503, ex.StatusCode);
        Assert.Equal(3, c.Fake.RequestCount);
        TestServices.AssertNoSecret(ex);
    }

    [Theory]
    [MemberData(nameof(ClientCase.Kinds), MemberType = typeof(ClientCase))]
    public async Task Server_errors_that_last_fail_a_change(string kind)
    {
        await using var c = await ClientCase.StartAsync(kind);
        c.Fake.Faults.Current = Fault.ServerError;

        var ex = await Assert.ThrowsAsync<ServiceActionException>(c.Change);

        Assert.Equal(500, ex.StatusCode);
        Assert.Equal(3, c.Fake.RequestCount);
        Assert.Empty(c.Fake.Calls); // the fault answered before anything changed
        TestServices.AssertNoSecret(ex);
    }

    [Theory]
    [MemberData(nameof(ClientCase.Kinds), MemberType = typeof(ClientCase))]
    public async Task A_refused_key_is_not_retried(string kind)
    {
        await using var c = await ClientCase.StartAsync(kind, o => o.ApiKey = "wrong-" + TestServices.ApiKey);

        var read = await Assert.ThrowsAsync<SourceReadException>(c.Read);
        var change = await Assert.ThrowsAsync<ServiceActionException>(c.Change);

        Assert.Equal(kind == "jellyseerr" ? 403 : 401, read.StatusCode);
        Assert.Contains("the API key was refused", read.Reason);
        Assert.Equal(read.StatusCode, change.StatusCode);
        Assert.Equal(2, c.Fake.RequestCount);
        TestServices.AssertNoSecret(read);
        TestServices.AssertNoSecret(change);
    }

    [Theory]
    [MemberData(nameof(ClientCase.Kinds), MemberType = typeof(ClientCase))]
    public async Task Malformed_json_fails_the_read_once(string kind)
    {
        await using var c = await ClientCase.StartAsync(kind);
        c.Fake.Faults.Current = Fault.MalformedJson;

        var ex = await Assert.ThrowsAsync<SourceReadException>(c.Read);

        Assert.StartsWith("malformed JSON from /api/v", ex.Reason);
        Assert.Equal(1, c.Fake.RequestCount); // a broken answer is not transient
        TestServices.AssertNoSecret(ex);
    }

    [Theory]
    [MemberData(nameof(ClientCase.Kinds), MemberType = typeof(ClientCase))]
    public async Task An_empty_answer_fails_the_read_instead_of_meaning_nothing(string kind)
    {
        await using var c = await ClientCase.StartAsync(kind);
        c.Fake.Faults.Current = Fault.EmptyAnswer;

        var ex = await Assert.ThrowsAsync<SourceReadException>(c.Read);

        Assert.StartsWith("empty answer from /api/v", ex.Reason);
    }

    [Theory]
    [MemberData(nameof(ClientCase.Kinds), MemberType = typeof(ClientCase))]
    public async Task A_probe_of_a_service_that_is_down_says_so_without_throwing(string kind)
    {
        await using var c = await ClientCase.StartAsync(kind, o => o.Retries = 0);
        c.Fake.Faults.Current = Fault.Down;

        var status = await c.Probe.ProbeAsync(default);

        Assert.False(status.Reachable);
        Assert.Null(status.Version);
        Assert.NotNull(status.Error);
        Assert.DoesNotContain(TestServices.ApiKey, status.ToString());
        Assert.DoesNotContain(TestServices.TunnelSecret, status.ToString());
    }

    [Fact]
    public async Task No_more_requests_are_in_flight_than_the_limit()
    {
        await using var c = await ClientCase.StartAsync("radarr", o => o.MaxConcurrency = 2);
        c.Fake.Faults.SlowDelay = TimeSpan.FromMilliseconds(200);
        c.Fake.Faults.Current = Fault.Slow;

        var statuses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => c.Probe.ProbeAsync(default)));

        Assert.All(statuses, s => Assert.True(s.Reachable, s.Error));
        Assert.Equal(6, c.Fake.RequestCount);
        Assert.Equal(2, c.Fake.MaxConcurrentRequests);
    }

    [Fact]
    public async Task The_circuit_opens_after_repeated_failures_and_stops_calling()
    {
        await using var c = await ClientCase.StartAsync("radarr", o => o.Retries = 0);
        c.Fake.Faults.Current = Fault.ServerError;
        for (var i = 0; i < 10; i++)
        {
            await Assert.ThrowsAsync<SourceReadException>(c.Read);
        }

        c.Fake.Faults.Current = Fault.None;
        var ex = await Assert.ThrowsAsync<SourceReadException>(c.Read);

        Assert.StartsWith("circuit open", ex.Reason);
        Assert.Equal(10, c.Fake.RequestCount);
        TestServices.AssertNoSecret(ex);
    }

    [Theory]
    [MemberData(nameof(ClientCase.Kinds), MemberType = typeof(ClientCase))]
    public async Task Tunnel_headers_are_sent_with_every_request(string kind)
    {
        await using var c = await ClientCase.StartAsync(kind);
        c.Fake.TunnelHeaders[TestServices.TunnelHeader] = TestServices.TunnelSecret;

        await c.Read();
        await c.Change();

        Assert.NotEmpty(c.Fake.Calls);
    }

    [Fact]
    public async Task Without_the_tunnel_headers_the_tunnel_refuses_and_nothing_is_retried()
    {
        await using var c = await ClientCase.StartAsync("radarr", o => o.Headers.Clear());
        c.Fake.TunnelHeaders[TestServices.TunnelHeader] = TestServices.TunnelSecret;

        var ex = await Assert.ThrowsAsync<SourceReadException>(c.Read);

        Assert.Equal(403, ex.StatusCode);
        Assert.Equal(1, c.Fake.RequestCount);
    }

    [Fact]
    public async Task Underscores_in_tunnel_header_settings_are_sent_as_dashes()
    {
        // App Service and shells cannot hold '-' in setting names: Headers__CF_Access_Client_Secret must still work.
        await using var c = await ClientCase.StartAsync("radarr", o =>
        {
            o.Headers.Clear();
            o.Headers[TestServices.TunnelHeader.Replace('-', '_')] = TestServices.TunnelSecret;
        });
        c.Fake.TunnelHeaders[TestServices.TunnelHeader] = TestServices.TunnelSecret;

        // Without the dash form the tunnel answers 403 and the read throws (see the test above).
        await c.Read();
    }
}
