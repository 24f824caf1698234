using System.Text.Json;

namespace Cleanup.Engine.Workflows;

/// <summary>
/// Activities by name. Both hosts dispatch through it: the in-process context, and the Functions host's activity
/// triggers, which pass the JSON they receive. Instances are created per call by the given factory.
/// </summary>
public sealed class ActivityRegistry
{
    private readonly Dictionary<string, Registration> activities = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Names => activities.Keys;

    public ActivityRegistry Add<TActivity, TInput, TOutput>(Func<IServiceProvider, TActivity> create)
        where TActivity : IActivity<TInput, TOutput>
    {
        ArgumentNullException.ThrowIfNull(create);
        if (!activities.TryAdd(TActivity.Name, new Registration(typeof(TInput), typeof(TOutput), Invoke)))
        {
            throw new InvalidOperationException($"An activity named '{TActivity.Name}' is already registered.");
        }

        return this;

        async Task<string> Invoke(IServiceProvider services, string inputJson, CancellationToken cancellationToken)
        {
            var input = JsonSerializer.Deserialize<TInput>(inputJson, WorkflowJson.Options)!;
            var output = await create(services).RunAsync(input, cancellationToken).ConfigureAwait(false);
            return JsonSerializer.Serialize(output, WorkflowJson.Options);
        }
    }

    public bool Contains(string name) => activities.ContainsKey(name);

    public Type InputType(string name) => Get(name).Input;

    public Type OutputType(string name) => Get(name).Output;

    /// <summary>Runs one attempt of the activity on a JSON input and returns its JSON output.</summary>
    public Task<string> InvokeAsync(string name, IServiceProvider services, string inputJson, CancellationToken cancellationToken) =>
        Get(name).Invoke(services, inputJson, cancellationToken);

    private Registration Get(string name) =>
        activities.TryGetValue(name, out var registration)
            ? registration
            : throw new InvalidOperationException($"No activity named '{name}' is registered.");

    private sealed record Registration(Type Input, Type Output, Func<IServiceProvider, string, CancellationToken, Task<string>> Invoke);
}
