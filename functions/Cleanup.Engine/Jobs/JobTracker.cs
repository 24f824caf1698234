using Cleanup.Engine.Ports;

namespace Cleanup.Engine.Jobs;

/// <summary>
/// The live state of one job and its saves. Progress saves are best-effort and coalesce; every save writes the
/// latest state, one at a time, so the last one to run is never older than the final state.
/// </summary>
internal sealed class JobTracker(Job initial, IJobStore store, Action<string, Exception?>? onError)
{
    private readonly Lock sync = new();
    private readonly SemaphoreSlim saving = new(1, 1);
    private Job current = initial;
    private int version = 1;
    private int savedVersion;

    public Job Current
    {
        get
        {
            lock (sync)
            {
                return current;
            }
        }
    }

    public void Update(Func<Job, Job> change)
    {
        lock (sync)
        {
            current = change(current);
            version++;
        }
    }

    public void Progress(string step, int done, int total)
    {
        Update(j => j with { Progress = new JobProgress(step, done, total) });
        _ = SaveBestEffortAsync();
    }

    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        await saving.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Job snapshot;
            int snapshotVersion;
            lock (sync)
            {
                snapshot = current;
                snapshotVersion = version;
            }

            if (snapshotVersion == savedVersion)
            {
                return;
            }

            await store.SaveAsync(snapshot, cancellationToken).ConfigureAwait(false);
            savedVersion = snapshotVersion;
        }
        finally
        {
            saving.Release();
        }
    }

    private async Task SaveBestEffortAsync()
    {
        try
        {
            await SaveAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            onError?.Invoke($"Saving the progress of job {Current.Id} failed.", ex);
        }
    }
}
