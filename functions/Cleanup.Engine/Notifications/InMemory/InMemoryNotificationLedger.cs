using Cleanup.Engine.Ports;

namespace Cleanup.Engine.Notifications.InMemory;

public sealed class InMemoryNotificationLedger : INotificationLedger
{
    private readonly Lock sync = new();
    private readonly HashSet<string> keys = new(StringComparer.Ordinal);

    public Task<IReadOnlyCollection<string>> ListAsync(CancellationToken cancellationToken)
    {
        lock (sync)
        {
            return Task.FromResult<IReadOnlyCollection<string>>([.. keys]);
        }
    }

    public Task AddAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        lock (sync)
        {
            this.keys.UnionWith(keys);
        }

        return Task.CompletedTask;
    }

    public Task RemoveAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        lock (sync)
        {
            this.keys.ExceptWith(keys);
        }

        return Task.CompletedTask;
    }
}
