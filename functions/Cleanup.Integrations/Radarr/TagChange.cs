namespace Cleanup.Integrations.Radarr;

/// <summary>How the editor applies tags to the chosen movies (Radarr's <c>applyTags</c>).</summary>
public enum TagChange
{
    Add,
    Remove,
    Replace,
}
