namespace Cleanup.Engine.Workflows;

/// <summary>
/// One step of a workflow that may do I/O. Inputs and outputs are small serializable records; large data travels
/// as a <see cref="Ports.SnapshotRef"/>. Activities can be retried, so they must be safe to run again.
/// </summary>
public interface IActivity<TInput, TOutput>
{
    /// <summary>The name workflows call it by (and the Durable activity function's name).</summary>
    static abstract string Name { get; }

    Task<TOutput> RunAsync(TInput input, CancellationToken cancellationToken);
}
