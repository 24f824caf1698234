using Cleanup.Engine.Tests.Workflows.Support;
using Cleanup.Engine.Workflows;

namespace Cleanup.Engine.Tests.Workflows;

public sealed class InProcessWorkflowContextTests
{
    private static readonly DateTimeOffset Start = new(2026, 5, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Retries_wait_with_backoff_on_the_clock_and_then_succeed()
    {
        var clock = new ManualTimeProvider(Start);
        var flaky = new FlakyActivity { FailuresLeft = 2 };
        var context = Context(clock, flaky);

        var call = context.CallActivityAsync<Echo>(FlakyActivity.Name, new Echo("hi"), new ActivityRetry(3, TimeSpan.FromSeconds(1), 2.0));
        await clock.WaitForTimersAsync();
        Assert.Equal([TimeSpan.FromSeconds(1)], clock.PendingDelays);
        clock.Advance(TimeSpan.FromSeconds(1));
        await clock.WaitForTimersAsync();
        Assert.Equal([TimeSpan.FromSeconds(2)], clock.PendingDelays);
        clock.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(new Echo("hi!"), await call);
        Assert.Equal(3, flaky.Attempts);
    }

    [Fact]
    public async Task An_activity_failing_every_attempt_fails_the_call_with_its_reason()
    {
        var clock = new ManualTimeProvider(Start);
        var flaky = new FlakyActivity { FailuresLeft = 5 };
        var context = Context(clock, flaky);

        var ex = await Assert.ThrowsAsync<ActivityFailedException>(() =>
            clock.PumpAsync(context.CallActivityAsync<Echo>(FlakyActivity.Name, new Echo("hi"), new ActivityRetry(2, TimeSpan.FromSeconds(1)))));

        Assert.Equal(2, ex.Attempts);
        Assert.Equal(2, flaky.Attempts);
        Assert.Contains("not yet", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_retry_policy_an_activity_runs_once()
    {
        var flaky = new FlakyActivity { FailuresLeft = 1 };
        var context = Context(new ManualTimeProvider(Start), flaky);

        await Assert.ThrowsAsync<ActivityFailedException>(() => context.CallActivityAsync<Echo>(FlakyActivity.Name, new Echo("x")));

        Assert.Equal(1, flaky.Attempts);
    }

    [Fact]
    public async Task Unknown_activities_fail_clearly()
    {
        var context = Context(new ManualTimeProvider(Start), new FlakyActivity());

        var ex = await Assert.ThrowsAsync<ActivityFailedException>(() => context.CallActivityAsync<Echo>("Nope", null));

        Assert.Contains("No activity named 'Nope'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Progress_is_forwarded_and_time_comes_from_the_clock()
    {
        var reported = new List<(string, int, int)>();
        var clock = new ManualTimeProvider(Start);
        var context = new InProcessWorkflowContext("job-9", new ActivityRegistry(), new TestServices(), clock, (s, d, t) => reported.Add((s, d, t)));

        context.SetProgress("Reading sources", 1, 4);
        clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal([("Reading sources", 1, 4)], reported);
        Assert.Equal(Start.AddMinutes(1), context.CurrentUtcDateTime);
        Assert.Equal("job-9", context.InstanceId);
    }

    [Fact]
    public void Retry_intervals_grow_by_the_backoff_up_to_the_maximum()
    {
        var retry = new ActivityRetry(5, TimeSpan.FromSeconds(5), 3.0, TimeSpan.FromSeconds(30));

        Assert.Equal(
            [TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30)],
            Enumerable.Range(1, 4).Select(retry.DelayAfter));
    }

    [Fact]
    public void Registering_two_activities_under_one_name_is_refused()
    {
        var registry = new ActivityRegistry().Add<FlakyActivity, Echo, Echo>(_ => new FlakyActivity());

        Assert.Throws<InvalidOperationException>(() => registry.Add<FlakyActivity, Echo, Echo>(_ => new FlakyActivity()));
    }

    private static InProcessWorkflowContext Context(TimeProvider clock, FlakyActivity activity) =>
        new("job-1", new ActivityRegistry().Add<FlakyActivity, Echo, Echo>(_ => activity), new TestServices(), clock);

    public sealed record Echo(string Text);

    private sealed class FlakyActivity : IActivity<Echo, Echo>
    {
        public int FailuresLeft { get; set; }

        public int Attempts { get; private set; }

        public static string Name => "Flaky";

        public Task<Echo> RunAsync(Echo input, CancellationToken cancellationToken)
        {
            Attempts++;
            if (FailuresLeft-- > 0)
            {
                throw new InvalidOperationException("not yet");
            }

            return Task.FromResult(new Echo(input.Text + "!"));
        }
    }
}
