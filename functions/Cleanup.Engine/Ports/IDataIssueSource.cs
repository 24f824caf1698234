using Cleanup.Engine.Sources;

namespace Cleanup.Engine.Ports;

/// <summary>
/// A client that records the <see cref="DataIssue"/>s its reads met. Reads still return every item; the issues
/// say which values were unusable so a run summary can show them.
/// </summary>
public interface IDataIssueSource
{
    /// <summary>Returns the issues recorded since the last call and forgets them.</summary>
    IReadOnlyList<DataIssue> TakeDataIssues();
}
