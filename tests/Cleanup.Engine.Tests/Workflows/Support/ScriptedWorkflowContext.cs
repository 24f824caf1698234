using System.Text.Json;
using Cleanup.Engine.Workflows;

namespace Cleanup.Engine.Tests.Workflows.Support;

/// <summary>
/// A workflow context whose activities are answered by handlers, recording every call (name and JSON input) in
/// the order the workflow made them. Answers go through JSON like on Durable.
/// </summary>
public sealed class ScriptedWorkflowContext(string instanceId, DateTimeOffset now) : IWorkflowContext
{
    private readonly Lock sync = new();
    private readonly List<string> calls = [];
    private readonly List<(string Step, int Done, int Total)> progress = [];

    public Dictionary<string, Func<object?, object?>> Handlers { get; } = new(StringComparer.Ordinal);

    public string InstanceId { get; } = instanceId;

    public DateTimeOffset CurrentUtcDateTime { get; } = now;

    public IReadOnlyList<string> Calls
    {
        get
        {
            lock (sync)
            {
                return [.. calls];
            }
        }
    }

    public IReadOnlyList<string> CallNames => [.. Calls.Select(c => c.Split(' ', 2)[0])];

    public IReadOnlyList<(string Step, int Done, int Total)> Progress => progress;

    public ScriptedWorkflowContext On(string activity, Func<object?, object?> handler)
    {
        Handlers[activity] = handler;
        return this;
    }

    public Task<TOutput> CallActivityAsync<TOutput>(string name, object? input = null, ActivityRetry? retry = null)
    {
        lock (sync)
        {
            calls.Add($"{name} {JsonSerializer.Serialize(input, input?.GetType() ?? typeof(object), WorkflowJson.Options)}");
        }

        if (!Handlers.TryGetValue(name, out var handler))
        {
            throw new InvalidOperationException($"No handler for activity {name}.");
        }

        var output = handler(input);
        var json = JsonSerializer.Serialize(output, output?.GetType() ?? typeof(object), WorkflowJson.Options);
        return Task.FromResult(JsonSerializer.Deserialize<TOutput>(json, WorkflowJson.Options)!);
    }

    public void SetProgress(string step, int done, int total) => progress.Add((step, done, total));
}
