namespace Cleanup.Engine.Rules;

/// <summary>The rule set does not validate; <see cref="Errors"/> are keyed by field path.</summary>
public sealed class InvalidRuleSetException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("The rule set is invalid: " + string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}
