using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Cleanup.Integrations.Tests.Jellyfin;

/// <summary>
/// Just enough OpenAPI 3 checking to hold a client and a fake to a spec: the operation exists, query parameters are
/// declared, the status is documented, and the JSON answer fits the schema ($ref, allOf/oneOf/anyOf, nullable, types,
/// required, additionalProperties, enums, uuid and date-time formats). Meant to be replaced by the shared validator.
/// </summary>
internal sealed class OpenApiSubsetValidator(JsonElement spec)
{
    public static OpenApiSubsetValidator Load(string file) => new(JsonDocument.Parse(File.ReadAllText(file)).RootElement.Clone());

    /// <summary>The spec's path template matching <paramref name="path"/> and its operation, or null.</summary>
    public (string Template, JsonElement Operation)? Find(string method, string path)
    {
        foreach (var template in spec.GetProperty("paths").EnumerateObject())
        {
            var pattern = "^" + Regex.Replace(Regex.Escape(template.Name), @"\\\{[^}]+}", "[^/]+") + "$";
            if (Regex.IsMatch(path, pattern, RegexOptions.IgnoreCase) && template.Value.TryGetProperty(method.ToLowerInvariant(), out var operation))
            {
                return (template.Name, operation);
            }
        }

        return null;
    }

    public List<string> CheckExchange(string method, string path, IEnumerable<string> queryNames, int status, string? body)
    {
        var errors = new List<string>();
        if (Find(method, path) is not { } found)
        {
            errors.Add($"{method} {path}: no such operation in the spec");
            return errors;
        }

        var declared = found.Operation.TryGetProperty("parameters", out var ps)
            ? ps.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query").Select(p => p.GetProperty("name").GetString()!).ToHashSet(StringComparer.OrdinalIgnoreCase)
            : [];
        errors.AddRange(queryNames.Where(n => !declared.Contains(n)).Select(n => $"{method} {found.Template}: query parameter '{n}' is not in the spec"));

        var responses = found.Operation.GetProperty("responses");
        if (!responses.TryGetProperty(status.ToString(CultureInfo.InvariantCulture), out var response))
        {
            errors.Add($"{method} {found.Template}: status {status} is not documented");
            return errors;
        }

        var hasSchema = response.TryGetProperty("content", out var content)
            && content.TryGetProperty("application/json", out var json)
            && json.TryGetProperty("schema", out _);
        if (!hasSchema)
        {
            if (!string.IsNullOrEmpty(body))
            {
                errors.Add($"{method} {found.Template} {status}: the spec has no body but one was sent");
            }

            return errors;
        }

        if (string.IsNullOrEmpty(body))
        {
            errors.Add($"{method} {found.Template} {status}: a JSON body was expected");
            return errors;
        }

        Validate(JsonDocument.Parse(body).RootElement, content.GetProperty("application/json").GetProperty("schema"), "$", errors);
        return errors;
    }

    private void Validate(JsonElement value, JsonElement schema, string at, List<string> errors)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            Validate(value, Resolve(reference.GetString()!), at, errors);
            return;
        }

        if (value.ValueKind == JsonValueKind.Null)
        {
            if (!IsNullable(schema))
            {
                errors.Add($"{at}: null is not allowed");
            }

            return;
        }

        if (schema.TryGetProperty("allOf", out var allOf))
        {
            foreach (var part in allOf.EnumerateArray())
            {
                Validate(value, part, at, errors);
            }
        }

        foreach (var keyword in new[] { "oneOf", "anyOf" })
        {
            if (schema.TryGetProperty(keyword, out var options) && !options.EnumerateArray().Any(o => Passes(value, o, at)))
            {
                errors.Add($"{at}: matches none of {keyword}");
            }
        }

        if (schema.TryGetProperty("enum", out var values) && !values.EnumerateArray().Any(v => v.ValueKind == value.ValueKind && v.ToString() == value.ToString()))
        {
            errors.Add($"{at}: '{value}' is not one of the allowed values");
        }

        if (!schema.TryGetProperty("type", out var type))
        {
            return;
        }

        switch (type.GetString())
        {
            case "object":
                ValidateObject(value, schema, at, errors);
                break;
            case "array" when value.ValueKind != JsonValueKind.Array:
                errors.Add($"{at}: expected an array, got {value.ValueKind}");
                break;
            case "array":
                var i = 0;
                foreach (var item in value.EnumerateArray())
                {
                    Validate(item, schema.GetProperty("items"), $"{at}[{i++}]", errors);
                }

                break;
            case "string" when value.ValueKind != JsonValueKind.String:
                errors.Add($"{at}: expected a string, got {value.ValueKind}");
                break;
            case "string":
                var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
                if (format == "uuid" && !Guid.TryParse(value.GetString(), out _))
                {
                    errors.Add($"{at}: '{value}' is not a uuid");
                }
                else if (format == "date-time" && !DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))
                {
                    errors.Add($"{at}: '{value}' is not a date-time");
                }

                break;
            case "integer" when value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out _):
                errors.Add($"{at}: expected an integer, got {value}");
                break;
            case "number" when value.ValueKind != JsonValueKind.Number:
                errors.Add($"{at}: expected a number, got {value.ValueKind}");
                break;
            case "boolean" when value.ValueKind is not (JsonValueKind.True or JsonValueKind.False):
                errors.Add($"{at}: expected a boolean, got {value.ValueKind}");
                break;
        }
    }

    private void ValidateObject(JsonElement value, JsonElement schema, string at, List<string> errors)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"{at}: expected an object, got {value.ValueKind}");
            return;
        }

        var properties = schema.TryGetProperty("properties", out var p) ? p : default;
        if (schema.TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()!).Where(n => !value.TryGetProperty(n, out _)))
            {
                errors.Add($"{at}: required property '{name}' is missing");
            }
        }

        var additional = schema.TryGetProperty("additionalProperties", out var a) ? a : default;
        foreach (var property in value.EnumerateObject())
        {
            if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out var propertySchema))
            {
                Validate(property.Value, propertySchema, $"{at}.{property.Name}", errors);
            }
            else if (additional.ValueKind == JsonValueKind.Object)
            {
                Validate(property.Value, additional, $"{at}.{property.Name}", errors);
            }
            else if (additional.ValueKind == JsonValueKind.False)
            {
                errors.Add($"{at}: property '{property.Name}' is not in the schema");
            }
        }
    }

    private bool Passes(JsonElement value, JsonElement schema, string at)
    {
        var errors = new List<string>();
        Validate(value, schema, at, errors);
        return errors.Count == 0;
    }

    private bool IsNullable(JsonElement schema) =>
        (schema.TryGetProperty("nullable", out var n) && n.ValueKind == JsonValueKind.True)
        || (schema.TryGetProperty("$ref", out var r) && IsNullable(Resolve(r.GetString()!)));

    private JsonElement Resolve(string reference) =>
        spec.GetProperty("components").GetProperty("schemas").GetProperty(reference["#/components/schemas/".Length..]);
}
