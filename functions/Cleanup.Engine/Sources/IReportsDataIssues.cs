namespace Cleanup.Engine.Sources;

/// <summary>A source that keeps the values it had to set aside while reading (see <see cref="DataIssueLog"/>).</summary>
public interface IReportsDataIssues
{
    DataIssueLog DataIssues { get; }
}
