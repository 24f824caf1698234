using System.Text.Json;
using System.Text.Json.Nodes;
using Cleanup.Engine.Ports;
using Cleanup.Engine.Rules;

namespace Cleanup.Api.Rules;

/// <summary>
/// Reads and writes the bodies of the rules API in the rule set's own JSON form (<see cref="RuleSetJson"/>), so a rule
/// looks the same in the API, in configuration and in storage. Errors are keyed by the field's path in the body.
/// </summary>
internal static class RuleJson
{
    // Fields the API adds to what it returns; clients send them back with their edits.
    private static readonly string[] ApiFields = ["id", "etag"];

    // Top-level names of a rule set (and the spellings RuleSetJson also reads), compared without case and '_'.
    private static readonly string[] RuleNames = ["rules", "advancedrules"];
    private static readonly string[] MovieNames = ["movies", "movieretention"];
    private static readonly string[] SeriesNames = ["series", "tvretention"];
    private static readonly string[] ProtectionNames = ["protections"];
    private static readonly string[] TimelineNames = ["timeline", "leavingsoondays"];
    private static readonly string[] DiskSpaceNames = ["diskspace"];

    public static JsonObject ToJson(StoredRule stored)
    {
        var json = new JsonObject { ["id"] = stored.Id, ["etag"] = stored.ETag };
        var rule = JsonSerializer.SerializeToNode(stored.Rule, RuleSetJson.Options)!.AsObject();
        foreach (var (name, value) in rule.ToList())
        {
            rule.Remove(name);
            json[name] = value;
        }

        return json;
    }

    public static JsonObject ToJson(StoredRuleSettings stored)
    {
        var json = new JsonObject { ["etag"] = stored.ETag };
        var settings = JsonSerializer.SerializeToNode(stored.Settings, RuleSetJson.Options)!.AsObject();
        foreach (var (name, value) in settings.ToList())
        {
            settings.Remove(name);
            json[name] = value;
        }

        return json;
    }

    /// <summary>Reads one rule and validates it with the stored settings. Errors are keyed within the rule (<c>retention</c>).</summary>
    public static BodyResult<RetentionRule> ReadRule(JsonObject body, RuleSettings settings)
    {
        var wrapped = new JsonObject { ["rules"] = new JsonArray(WithoutApiFields(body)) };
        if (!RuleSetJson.TryDeserialize(wrapped.ToJsonString(), out var ruleSet, out var errors))
        {
            return BodyResult<RetentionRule>.Invalid(WithinRule(errors, keepOthers: true));
        }

        var rule = ruleSet!.Rules[0];
        // Stored settings were valid when saved; only this rule's problems are the caller's.
        var problems = WithinRule(RuleSetValidator.Validate(settings.With([rule])), keepOthers: false);
        return problems.Count > 0 ? BodyResult<RetentionRule>.Invalid(problems) : BodyResult<RetentionRule>.Valid(rule);
    }

    /// <summary>Reads the settings (a rule set without its rules). Errors are keyed by path (<c>movies.retention</c>).</summary>
    public static BodyResult<RuleSettings> ReadSettings(JsonObject body)
    {
        var copy = WithoutApiFields(body);
        if (Has(copy, RuleNames))
        {
            return BodyResult<RuleSettings>.Invalid(new Dictionary<string, string[]>
            {
                ["rules"] = ["rules are not settings: add, change and delete them one by one at /api/rules"],
            });
        }

        if (!RuleSetJson.TryDeserialize(copy.ToJsonString(), out var ruleSet, out var errors))
        {
            return BodyResult<RuleSettings>.Invalid(errors);
        }

        var problems = RuleSetValidator.Validate(ruleSet!);
        return problems.Count > 0 ? BodyResult<RuleSettings>.Invalid(problems) : BodyResult<RuleSettings>.Valid(RuleSettings.From(ruleSet!));
    }

    /// <summary>
    /// Reads a proposed rule set for a preview. Parts the body leaves out are taken from <paramref name="current"/>, so
    /// <c>{ "rules": [...] }</c> previews new rules under the current settings. Errors are keyed by path (<c>rules[2].retention</c>).
    /// </summary>
    public static BodyResult<RuleSet> ReadProposal(JsonObject body, RuleSet current)
    {
        if (!RuleSetJson.TryDeserialize(body.ToJsonString(), out var proposed, out var errors))
        {
            return BodyResult<RuleSet>.Invalid(errors);
        }

        var merged = current with
        {
            Version = proposed!.Version,
            Rules = Has(body, RuleNames) ? proposed.Rules : current.Rules,
            Movies = Has(body, MovieNames) ? proposed.Movies : current.Movies,
            Series = Has(body, SeriesNames) ? proposed.Series : current.Series,
            Protections = Has(body, ProtectionNames) ? proposed.Protections : current.Protections,
            Timeline = Has(body, TimelineNames) ? proposed.Timeline : current.Timeline,
            DiskSpace = Has(body, DiskSpaceNames) ? proposed.DiskSpace : current.DiskSpace,
        };
        var problems = RuleSetValidator.Validate(merged);
        return problems.Count > 0 ? BodyResult<RuleSet>.Invalid(problems) : BodyResult<RuleSet>.Valid(merged);
    }

    private static JsonObject WithoutApiFields(JsonObject body)
    {
        var copy = body.DeepClone().AsObject();
        foreach (var field in ApiFields) copy.Remove(field);
        return copy;
    }

    private static bool Has(JsonObject body, string[] names) =>
        body.Any(p => p.Value is not null && names.Contains(p.Key.Replace("_", string.Empty, StringComparison.Ordinal).ToLowerInvariant()));

    /// <summary><c>rules[0].retention</c> becomes <c>retention</c>; errors about the rule as a whole get the empty key.</summary>
    private static Dictionary<string, string[]> WithinRule(IReadOnlyDictionary<string, string[]> errors, bool keepOthers)
    {
        const string Prefix = "rules[0]";
        var within = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (key, messages) in errors)
        {
            string field;
            if (key.StartsWith(Prefix, StringComparison.Ordinal)) field = key[Prefix.Length..].TrimStart('.');
            else if (keepOthers) field = key;
            else continue;

            within[field] = within.TryGetValue(field, out var existing) ? [.. existing, .. messages] : messages;
        }

        return within;
    }
}

/// <summary>A request body read into <typeparamref name="T"/>, or the errors keyed by field path.</summary>
internal readonly record struct BodyResult<T>(T? Value, IReadOnlyDictionary<string, string[]> Errors)
    where T : class
{
    public static BodyResult<T> Valid(T value) => new(value, new Dictionary<string, string[]>());

    public static BodyResult<T> Invalid(IReadOnlyDictionary<string, string[]> errors) => new(null, errors);
}
