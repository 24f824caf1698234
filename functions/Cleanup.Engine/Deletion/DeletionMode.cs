using System.Text.Json.Serialization;

namespace Cleanup.Engine.Deletion;

[JsonConverter(typeof(JsonStringEnumConverter<DeletionMode>))]
public enum DeletionMode
{
    /// <summary>Nothing is changed; every action is audited as "would-delete".</summary>
    DryRun,

    /// <summary>Actions are carried out.</summary>
    Live,
}
