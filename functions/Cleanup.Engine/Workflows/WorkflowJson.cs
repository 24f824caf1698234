using System.Text.Json;

namespace Cleanup.Engine.Workflows;

/// <summary>
/// The serializer settings of every workflow message and snapshot: the same as Durable's default
/// (System.Text.Json) with web naming, so what passes in process also passes in Azure.
/// </summary>
public static class WorkflowJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}
