using Cleanup.Engine.Ports;

namespace Cleanup.Engine.Sources;

/// <summary>A client that keeps a <see cref="DataIssueLog"/>; callers take its issues through <see cref="IDataIssueSource"/>.</summary>
public interface IReportsDataIssues : IDataIssueSource
{
    DataIssueLog DataIssues { get; }

    IReadOnlyList<DataIssue> IDataIssueSource.TakeDataIssues() => DataIssues.Drain();
}
