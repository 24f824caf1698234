namespace Cleanup.Engine.Tests.Workflows.Support;

/// <summary>A clock that moves only when told; timers (Task.Delay on it) fire when <see cref="Advance"/> passes them.</summary>
public sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly Lock sync = new();
    private readonly List<ManualTimer> timers = [];
    private DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow()
    {
        lock (sync)
        {
            return now;
        }
    }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>Due times of pending timers, relative to now.</summary>
    public IReadOnlyList<TimeSpan> PendingDelays
    {
        get
        {
            lock (sync)
            {
                return [.. timers.Select(t => t.DueAt - now).Order()];
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    public void Advance(TimeSpan by)
    {
        DateTimeOffset target;
        lock (sync)
        {
            target = now + by;
        }

        while (true)
        {
            ManualTimer? next;
            lock (sync)
            {
                next = timers.Where(t => t.DueAt <= target).OrderBy(t => t.DueAt).FirstOrDefault();
                if (next is null)
                {
                    now = target;
                    return;
                }

                now = next.DueAt > now ? next.DueAt : now;
                if (next.Period > TimeSpan.Zero)
                {
                    next.DueAt += next.Period;
                }
                else
                {
                    timers.Remove(next);
                }
            }

            next.Fire();
        }
    }

    /// <summary>Moves the clock at once (a machine waking from sleep), then fires every timer that came due meanwhile, late.</summary>
    public void Jump(TimeSpan by)
    {
        List<ManualTimer> due;
        lock (sync)
        {
            now += by;
            due = [.. timers.Where(t => t.DueAt <= now)];
            foreach (var timer in due)
            {
                timers.Remove(timer);
            }
        }

        foreach (var timer in due)
        {
            timer.Fire();
        }
    }

    /// <summary>Moves the clock to each pending timer until <paramref name="done"/> holds (a bounded number of steps).</summary>
    public async Task AdvanceUntilAsync(Func<bool> done)
    {
        for (var i = 0; i < 2000 && !done(); i++)
        {
            var pending = PendingDelays;
            if (pending.Count > 0)
            {
                Advance(pending[0] > TimeSpan.Zero ? pending[0] : TimeSpan.Zero);
            }
            else
            {
                await Task.Delay(5);
            }
        }

        Assert.True(done(), "the condition never held");
    }

    /// <summary>Lets <paramref name="task"/> finish, moving the clock to each timer it waits on (retry back-offs).</summary>
    public async Task<T> PumpAsync<T>(Task<T> task)
    {
        for (var i = 0; i < 2000 && !task.IsCompleted; i++)
        {
            var pending = PendingDelays;
            if (pending.Count > 0)
            {
                Advance(pending[0] > TimeSpan.Zero ? pending[0] : TimeSpan.Zero);
            }
            else
            {
                await Task.WhenAny(task, Task.Delay(5));
            }
        }

        return await task;
    }

    /// <summary>Waits (a bounded while) until at least <paramref name="count"/> timers are pending.</summary>
    public async Task WaitForTimersAsync(int count = 1)
    {
        for (var i = 0; i < 1000; i++)
        {
            lock (sync)
            {
                if (timers.Count >= count)
                {
                    return;
                }
            }

            await Task.Delay(10);
        }

        throw new TimeoutException($"Expected {count} pending timer(s).");
    }

    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset DueAt { get; set; }

        public TimeSpan Period { get; private set; }

        public void Fire() => callback(state);

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner.sync)
            {
                owner.timers.Remove(this);
                if (dueTime == Timeout.InfiniteTimeSpan)
                {
                    return true;
                }

                DueAt = owner.now + dueTime;
                Period = period == Timeout.InfiniteTimeSpan ? TimeSpan.Zero : period;
                owner.timers.Add(this);
                return true;
            }
        }

        public void Dispose()
        {
            lock (owner.sync)
            {
                owner.timers.Remove(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
