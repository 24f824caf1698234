using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Cleanup.Engine.Rules;

/// <summary>
/// The JSON form of a <see cref="RuleSet"/> (stored in Table Storage, edited through the API): camelCase names,
/// enums as camelCase strings, durations as text (<c>"30d"</c>), rules tagged by <c>"type"</c>
/// (<c>tag</c>, <c>requester</c>, <c>watched</c>, <c>condition</c>, <c>episode</c>).
/// Reading also accepts snake_case names and values and a few OxiCleanarr spellings: <c>advanced_rules</c> for
/// <c>rules</c>, rule type <c>user</c> for <c>requester</c>, <c>movie_retention</c>/<c>tv_retention</c> for the defaults'
/// retention and <c>leaving_soon_days</c> for the window.
/// </summary>
public static class RuleSetJson
{
    private static readonly string[] RuleTypes = ["tag", "requester", "watched", "condition", "episode"];

    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static string Serialize(RuleSet ruleSet) => JsonSerializer.Serialize(ruleSet, Options);

    /// <summary>Reads a rule set; throws <see cref="InvalidRuleSetException"/> with errors keyed by field path when it cannot.</summary>
    public static RuleSet Deserialize(string json) =>
        TryDeserialize(json, out var ruleSet, out var errors) ? ruleSet! : throw new InvalidRuleSetException(errors);

    /// <summary>
    /// Reads a rule set. Fails with errors keyed by field path (<c>rules[2].action</c>) when the JSON is malformed or has
    /// a value of the wrong kind. It does not validate: run <see cref="RuleSetValidator"/> on the result.
    /// </summary>
    public static bool TryDeserialize(string json, out RuleSet? ruleSet, out IReadOnlyDictionary<string, string[]> errors)
    {
        ruleSet = null;
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            errors = Error(string.Empty, $"is not valid JSON: {ex.Message}");
            return false;
        }

        if (root is not JsonObject obj)
        {
            errors = Error(string.Empty, "must be a JSON object");
            return false;
        }

        var normalized = (JsonObject)Normalize(obj);
        ApplyOxiCleanarrNames(normalized);
        var ruleErrors = CheckRuleTypes(normalized);
        if (ruleErrors is not null)
        {
            errors = ruleErrors;
            return false;
        }

        try
        {
            ruleSet = normalized.Deserialize<RuleSet>(Options);
        }
        catch (JsonException ex)
        {
            errors = Error(FieldPath(ex.Path), Message(ex));
            return false;
        }

        if (ruleSet is null)
        {
            errors = Error(string.Empty, "must be a JSON object");
            return false;
        }

        errors = new Dictionary<string, string[]>();
        return true;
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            AllowOutOfOrderMetadataProperties = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
        };
        options.Converters.Add(new LenientEnumConverterFactory());
        options.MakeReadOnly();
        return options;
    }

    /// <summary>snake_case keys become camelCase, recursively.</summary>
    private static JsonNode Normalize(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    copy[Camel(key)] = value is null ? null : Normalize(value);
                }

                return copy;
            case JsonArray array:
                var items = new JsonArray();
                foreach (var item in array) items.Add(item is null ? null : Normalize(item));
                return items;
            default:
                return node.DeepClone();
        }
    }

    private static string Camel(string key)
    {
        if (!key.Contains('_')) return key;
        var builder = new StringBuilder(key.Length);
        var upper = false;
        foreach (var c in key)
        {
            if (c == '_')
            {
                upper = builder.Length > 0;
                continue;
            }

            builder.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        return builder.ToString();
    }

    private static void ApplyOxiCleanarrNames(JsonObject root)
    {
        if (root["rules"] is null && root["advancedRules"] is { } advanced)
        {
            root.Remove("advancedRules");
            root["rules"] = advanced;
        }

        Move(root, "movieRetention", "movies", "retention");
        Move(root, "tvRetention", "series", "retention");
        if (root["leavingSoonDays"] is JsonValue days && days.TryGetValue<int>(out var n))
        {
            root.Remove("leavingSoonDays");
            Section(root, "timeline")["leavingSoonWindow"] ??= $"{n.ToString(CultureInfo.InvariantCulture)}d";
        }

        if (root["rules"] is JsonArray rules)
        {
            foreach (var rule in rules)
            {
                if (rule is JsonObject r && r["type"] is JsonValue type && type.TryGetValue<string>(out var name)
                    && string.Equals(name, "user", StringComparison.OrdinalIgnoreCase))
                {
                    r["type"] = "requester";
                }
            }
        }
    }

    private static void Move(JsonObject root, string from, string section, string to)
    {
        if (root[from] is not { } value) return;
        root.Remove(from);
        Section(root, section)[to] ??= value;
    }

    private static JsonObject Section(JsonObject root, string name)
    {
        if (root[name] is JsonObject existing) return existing;
        var created = new JsonObject();
        root[name] = created;
        return created;
    }

    // An abstract rule without a known "type" would otherwise fail with no path; say which rule and what to write.
    private static Dictionary<string, string[]>? CheckRuleTypes(JsonObject root)
    {
        if (root["rules"] is not JsonArray rules) return null;
        Dictionary<string, string[]>? errors = null;
        for (var i = 0; i < rules.Count; i++)
        {
            if (rules[i] is not JsonObject rule)
            {
                (errors ??= [])[$"rules[{i}]"] = ["must be an object"];
                continue;
            }

            var type = rule["type"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
            if (type is null || !RuleTypes.Contains(type, StringComparer.Ordinal))
            {
                var lower = type?.ToLowerInvariant();
                if (lower is not null && RuleTypes.Contains(lower))
                {
                    rule["type"] = lower;
                    continue;
                }

                (errors ??= [])[$"rules[{i}].type"] = [$"must be one of: {string.Join(", ", RuleTypes)}"];
            }
        }

        return errors;
    }

    private static string FieldPath(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$") return string.Empty;
        return path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
    }

    private static string Message(JsonException ex)
    {
        // Our converters' messages are meant for people; the serializer's own ones carry type names, so say it plainly.
        var message = ex.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut > 0) message = message[..cut];
        return message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal)
            ? "has a value of the wrong kind"
            : message;
    }

    private static Dictionary<string, string[]> Error(string field, string message) => new() { [field] = [message] };
}
