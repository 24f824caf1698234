using System.Text.Json.Nodes;
using Cleanup.Engine.Ports;
using Cleanup.Engine.Rules;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Cleanup.Api.Rules;

/// <summary>
/// Stores the first rule set on first start: the configuration section <c>Rules</c> when it is there (the rule set's
/// JSON shape as configuration keys, e.g. env <c>Rules__Movies__Retention=45d</c>,
/// <c>Rules__Rules__0__Type=tag</c>, <c>Rules__Rules__0__Tags__0=kids</c>), otherwise <see cref="RuleSet.Default"/>.
/// Afterwards the stored rules are the truth (users edit them); the section is not read again.
/// </summary>
public sealed class RuleSeeding(IRuleStore store, IConfiguration configuration, ILogger<RuleSeeding> logger)
{
    public const string SectionName = "Rules";

    /// <exception cref="InvalidOperationException">The <c>Rules</c> section is not a valid rule set; the message names the fields.</exception>
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var section = configuration.GetSection(SectionName);
        var fromConfiguration = section.Exists();
        var ruleSet = fromConfiguration ? FromConfiguration(section) : RuleSet.Default;
        if (!await store.SeedAsync(ruleSet, cancellationToken)) return;

        logger.LogInformation(
            "Seeded the rules from {Source}: movies keep {Movies}, series keep {Series}, {Count} rule(s){Names}; leaving soon {Window}, grace period {Grace}",
            fromConfiguration ? $"configuration section '{SectionName}'" : "the built-in defaults",
            ruleSet.Movies.Retention,
            ruleSet.Series.Retention,
            ruleSet.Rules.Count,
            ruleSet.Rules.Count == 0 ? string.Empty : " (" + string.Join(", ", ruleSet.Rules.Select(r => $"{r.Kind.ToString().ToLowerInvariant()} '{r.Name}'")) + ")",
            ruleSet.Timeline.LeavingSoonWindow,
            ruleSet.Timeline.GracePeriod);
    }

    /// <summary>Reads a rule set from a configuration section shaped like its JSON.</summary>
    /// <exception cref="InvalidOperationException">The section is not a valid rule set; the message names the fields.</exception>
    public static RuleSet FromConfiguration(IConfigurationSection section)
    {
        var json = ConfigurationJson.ToJson(section);
        if (!RuleSetJson.TryDeserialize(json.ToJsonString(), out var ruleSet, out var errors))
        {
            throw Invalid(section, errors);
        }

        var problems = RuleSetValidator.Validate(ruleSet!);
        return problems.Count > 0 ? throw Invalid(section, problems) : ruleSet!;
    }

    private static InvalidOperationException Invalid(IConfigurationSection section, IReadOnlyDictionary<string, string[]> errors) =>
        new($"Configuration section '{section.Path}' is not a valid rule set: " +
            string.Join("; ", errors.Select(e => $"{section.Path}:{ConfigurationJson.KeyOf(e.Key)} {string.Join(", ", e.Value)}")));
}

/// <summary>
/// A configuration section as JSON. Configuration holds only strings, so a few values are converted: <c>true</c>/<c>false</c>
/// become booleans and the numeric fields of a rule set become numbers (a bare number of a duration is days); condition values, names, tags and users stay text.
/// Numbered children (<c>Rules:0</c>, <c>Rules:1</c>) become arrays, and keys are camel-cased.
/// </summary>
internal static class ConfigurationJson
{
    // Durations too: a bare number is days there, as in the JSON form.
    private static readonly HashSet<string> NumberKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "version", "keepLatestEpisodes", "keepLatestSeasons", "minimumFreeGb",
        "retention", "maxAge", "requestedWithin", "leavingSoonWindow", "gracePeriod",
    };
    private static readonly HashSet<string> TextKeys = new(StringComparer.OrdinalIgnoreCase) { "name", "value", "values", "tags", "users", "user", "favoritesOf" };

    public static JsonObject ToJson(IConfigurationSection section) => (JsonObject)Node(section, parentKey: null)!;

    /// <summary><c>rules[2].retention</c> as a configuration path: <c>rules:2:retention</c>.</summary>
    public static string KeyOf(string path) =>
        path.Replace("[", ":", StringComparison.Ordinal).Replace("]", string.Empty, StringComparison.Ordinal).Replace('.', ':');

    private static JsonNode? Node(IConfigurationSection section, string? parentKey)
    {
        var children = section.GetChildren().ToList();
        if (children.Count == 0) return Leaf(section.Value, parentKey ?? section.Key);

        var indexed = children.Select(c => int.TryParse(c.Key, out var i) ? i : -1).ToList();
        if (indexed.All(i => i >= 0))
        {
            var array = new JsonArray();
            foreach (var child in children.OrderBy(c => int.Parse(c.Key, System.Globalization.CultureInfo.InvariantCulture)))
            {
                // Elements of a list take the list's name for the text/number decision (Tags:0 is a tag).
                array.Add(Node(child, IsIndex(section.Key) ? parentKey : section.Key));
            }

            return array;
        }

        var obj = new JsonObject();
        foreach (var child in children)
        {
            obj[Camel(child.Key)] = Node(child, null);
        }

        return obj;
    }

    private static JsonNode? Leaf(string? value, string key)
    {
        if (value is null) return null;
        if (TextKeys.Contains(key)) return JsonValue.Create(value);
        if (NumberKeys.Contains(key) && double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            return number % 1 == 0 && Math.Abs(number) < int.MaxValue ? JsonValue.Create((int)number) : JsonValue.Create(number);
        }

        if (bool.TryParse(value, out var flag)) return JsonValue.Create(flag);
        return JsonValue.Create(value);
    }

    private static bool IsIndex(string key) => int.TryParse(key, out _);

    private static string Camel(string key) => key.Length == 0 || char.IsLower(key[0]) ? key : char.ToLowerInvariant(key[0]) + key[1..];
}
