namespace Cleanup.Engine.Workflows;

/// <summary>The media servers' "leaving soon" collection, bound from the <c>Collections</c> section.</summary>
public sealed class LeavingSoonCollectionOptions
{
    public const string Section = "Collections";

    public bool Enabled { get; set; } = true;

    public string Name { get; set; } = "Leaving Soon";

    public IReadOnlyList<string> Validate() =>
        Enabled && string.IsNullOrWhiteSpace(Name) ? [$"{Section}:Name must not be empty while {Section}:Enabled is true."] : [];
}
