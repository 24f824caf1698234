using Microsoft.Extensions.Options;

namespace Cleanup.Api.Jobs;

/// <summary>Runs an options class's own <c>Validate()</c> (errors name the setting) at start-up.</summary>
internal sealed class SettingsValidation<T>(Func<T, IReadOnlyList<string>> validate) : IValidateOptions<T>
    where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        var errors = validate(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
