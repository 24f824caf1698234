namespace Cleanup.Engine.Ports;

/// <summary>The stored library read model (Table Storage in both hosts).</summary>
public interface IMediaStore
{
    Task<IReadOnlyList<MediaRecord>> ListAsync(CancellationToken cancellationToken);

    Task<MediaRecord?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Writes only what changed: upserts and removals, batched by partition. Returns the number of entities written.</summary>
    Task<int> ApplyChangesAsync(IReadOnlyCollection<MediaRecord> upserts, IReadOnlyCollection<string> removedIds, CancellationToken cancellationToken);
}
