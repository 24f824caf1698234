using Cleanup.Engine.Deletion;

namespace Cleanup.Engine.Ports;

/// <summary>The items currently leaving soon (not kept), from the rules' state. The host maps the rules' decisions.</summary>
public interface ILeavingSoonSource
{
    Task<IReadOnlyList<LeavingSoonEntry>> ListAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
