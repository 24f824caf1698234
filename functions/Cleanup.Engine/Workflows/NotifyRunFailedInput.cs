using System.Text.Json.Serialization;
using Cleanup.Engine.Jobs;

namespace Cleanup.Engine.Workflows;

public sealed record NotifyRunFailedInput(
    string RunId,
    [property: JsonConverter(typeof(JsonStringEnumConverter<JobKind>))] JobKind Kind,
    string Error);
