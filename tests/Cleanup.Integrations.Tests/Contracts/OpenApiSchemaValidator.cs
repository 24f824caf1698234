using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Cleanup.Integrations.Tests.Contracts;

/// <summary>
/// A small OpenAPI 3.0 schema validator over System.Text.Json, enough to hold the fakes to the upstream documents:
/// <c>type</c> (with <c>integer</c> formats int32/int64, <c>date-time</c> and <c>uuid</c> strings), <c>nullable</c>,
/// <c>required</c>, <c>properties</c>, <c>items</c>, <c>uniqueItems</c>, <c>enum</c>, <c>$ref</c> (local JSON
/// pointers), <c>allOf</c>/<c>anyOf</c>/<c>oneOf</c>. Unknown properties are allowed unless asked to honour
/// <c>additionalProperties: false</c> (the *arr documents are generated from their resources and say it everywhere).
/// </summary>
public static partial class OpenApiSchemaValidator
{
    private const int MaxDepth = 64;

    /// <param name="document">The whole OpenAPI document, to resolve <c>$ref</c>s.</param>
    /// <param name="rejectUnknownProperties">Report properties a schema with <c>additionalProperties: false</c> does not list.</param>
    public static IReadOnlyList<SchemaViolation> Validate(JsonElement document, JsonElement schema, JsonElement value, bool rejectUnknownProperties = false)
    {
        var violations = new List<SchemaViolation>();
        Check(new Context(document, rejectUnknownProperties), schema, value, "$", violations, 0);
        return violations;
    }

    /// <summary>Follows <c>#/a/b</c> pointers inside the document.</summary>
    public static JsonElement Resolve(JsonElement document, string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            throw new NotSupportedException($"Only local references are supported: {reference}");
        }

        var current = document;
        foreach (var raw in reference[2..].Split('/'))
        {
            var token = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(token, out current))
            {
                throw new KeyNotFoundException($"$ref {reference} does not resolve (at '{token}').");
            }
        }

        return current;
    }

    private static void Check(Context context, JsonElement schema, JsonElement value, string path, List<SchemaViolation> violations, int depth)
    {
        if (depth > MaxDepth)
        {
            violations.Add(new(path, "schema nesting too deep"));
            return;
        }

        if (schema.ValueKind is JsonValueKind.True or JsonValueKind.Undefined)
        {
            return;
        }

        // OpenAPI 3.0 ignores siblings of $ref, but generators put "nullable" there; honour it for null values.
        var nullable = Flag(schema, "nullable");
        while (schema.TryGetProperty("$ref", out var reference))
        {
            schema = Resolve(context.Document, reference.GetString()!);
            nullable |= Flag(schema, "nullable");
        }

        if (value.ValueKind == JsonValueKind.Null && nullable)
        {
            return;
        }

        if (schema.TryGetProperty("allOf", out var allOf))
        {
            foreach (var part in allOf.EnumerateArray())
            {
                Check(context, part, value, path, violations, depth + 1);
            }
        }

        if (schema.TryGetProperty("anyOf", out var anyOf))
        {
            var results = anyOf.EnumerateArray().Select(part => Attempt(context, part, value, path, depth)).ToList();
            if (results.All(r => r.Count > 0))
            {
                violations.Add(new(path, $"matches none of anyOf: {string.Join(" | ", results.Select(r => r[0].Message))}"));
            }
        }

        if (schema.TryGetProperty("oneOf", out var oneOf))
        {
            var results = oneOf.EnumerateArray().Select(part => Attempt(context, part, value, path, depth)).ToList();
            var matches = results.Count(r => r.Count == 0);
            if (matches != 1)
            {
                violations.Add(new(path, matches == 0
                    ? $"matches none of oneOf: {string.Join(" | ", results.Select(r => r[0].Message))}"
                    : $"matches {matches} of oneOf, must match exactly one"));
            }
        }

        var type = schema.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String
            ? t.GetString()
            : schema.TryGetProperty("properties", out _) || schema.TryGetProperty("required", out _) ? "object"
            : schema.TryGetProperty("items", out _) ? "array"
            : null;

        if (value.ValueKind == JsonValueKind.Null)
        {
            if (type is not null || schema.TryGetProperty("enum", out _))
            {
                violations.Add(new(path, $"null where the schema says {type ?? "enum"} (not nullable)"));
            }

            return;
        }

        switch (type)
        {
            case "object":
                CheckObject(context, schema, value, path, violations, depth);
                break;
            case "array":
                CheckArray(context, schema, value, path, violations, depth);
                break;
            case "string":
                if (value.ValueKind != JsonValueKind.String)
                {
                    violations.Add(new(path, $"{Kind(value)} where the schema says string"));
                }
                else if (Format(schema) == "date-time" && !DateTime().IsMatch(value.GetString()!))
                {
                    violations.Add(new(path, $"'{value.GetString()}' is not an RFC 3339 date-time"));
                }
                else if (Format(schema) == "uuid" && !Guid.TryParse(value.GetString(), out _))
                {
                    violations.Add(new(path, $"'{value.GetString()}' is not a uuid"));
                }

                break;
            case "integer":
                CheckInteger(schema, value, path, violations);
                break;
            case "number":
                if (value.ValueKind != JsonValueKind.Number)
                {
                    violations.Add(new(path, $"{Kind(value)} where the schema says number"));
                }

                break;
            case "boolean":
                if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    violations.Add(new(path, $"{Kind(value)} where the schema says boolean"));
                }

                break;
        }

        if (schema.TryGetProperty("enum", out var allowed) && !allowed.EnumerateArray().Any(a => Same(a, value)))
        {
            violations.Add(new(path, $"{value.GetRawText()} is not one of {allowed.GetRawText()}"));
        }
    }

    private static void CheckObject(Context context, JsonElement schema, JsonElement value, string path, List<SchemaViolation> violations, int depth)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            violations.Add(new(path, $"{Kind(value)} where the schema says object"));
            return;
        }

        var properties = schema.TryGetProperty("properties", out var p) ? p : default;
        var additional = schema.TryGetProperty("additionalProperties", out var a) ? a : default;
        foreach (var property in value.EnumerateObject())
        {
            var childPath = $"{path}.{property.Name}";
            if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out var propertySchema))
            {
                Check(context, propertySchema, property.Value, childPath, violations, depth + 1);
            }
            else if (additional.ValueKind == JsonValueKind.Object)
            {
                Check(context, additional, property.Value, childPath, violations, depth + 1);
            }
            else if (additional.ValueKind == JsonValueKind.False && context.RejectUnknownProperties)
            {
                violations.Add(new(childPath, "property not in the schema (additionalProperties: false)"));
            }
        }

        if (schema.TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
            {
                if (!value.TryGetProperty(name, out _))
                {
                    violations.Add(new($"{path}.{name}", "required property missing"));
                }
            }
        }
    }

    private static void CheckArray(Context context, JsonElement schema, JsonElement value, string path, List<SchemaViolation> violations, int depth)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            violations.Add(new(path, $"{Kind(value)} where the schema says array"));
            return;
        }

        var items = schema.TryGetProperty("items", out var i) ? i : default;
        var index = 0;
        var seen = new HashSet<string>();
        foreach (var item in value.EnumerateArray())
        {
            var itemPath = string.Create(CultureInfo.InvariantCulture, $"{path}[{index++}]");
            if (items.ValueKind == JsonValueKind.Object)
            {
                Check(context, items, item, itemPath, violations, depth + 1);
            }

            if (Flag(schema, "uniqueItems") && !seen.Add(item.GetRawText()))
            {
                violations.Add(new(itemPath, "duplicate item where the schema says uniqueItems"));
            }
        }
    }

    private static void CheckInteger(JsonElement schema, JsonElement value, string path, List<SchemaViolation> violations)
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var number) || number != decimal.Truncate(number))
        {
            violations.Add(new(path, $"{value.GetRawText()} where the schema says integer"));
            return;
        }

        if (Format(schema) == "int32" && number is < int.MinValue or > int.MaxValue)
        {
            violations.Add(new(path, $"{number} does not fit int32"));
        }
    }

    private static List<SchemaViolation> Attempt(Context context, JsonElement schema, JsonElement value, string path, int depth)
    {
        var found = new List<SchemaViolation>();
        Check(context, schema, value, path, found, depth + 1);
        return found;
    }

    private static bool Same(JsonElement a, JsonElement b) =>
        a.ValueKind == b.ValueKind && (a.ValueKind == JsonValueKind.Number
            ? a.GetDecimal() == b.GetDecimal()
            : a.GetRawText() == b.GetRawText());

    private static bool Flag(JsonElement schema, string name) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;

    private static string? Format(JsonElement schema) =>
        schema.TryGetProperty("format", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => $"string '{value.GetString()}'",
        JsonValueKind.Number => $"number {value.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => value.ValueKind.ToString().ToLowerInvariant(),
    };

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex DateTime();

    private sealed record Context(JsonElement Document, bool RejectUnknownProperties);
}
