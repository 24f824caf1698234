using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Cleanup.Integrations.Tests.Contracts;

/// <summary>An upstream OpenAPI document (JSON or YAML) from <see cref="SpecFolder"/>, with look-ups by operation.</summary>
public sealed class OpenApiDocument
{
    private static readonly ConcurrentDictionary<string, OpenApiDocument> Loaded = new(StringComparer.Ordinal);

    private OpenApiDocument(string name, JsonElement root)
    {
        Name = name;
        Root = root;
    }

    public string Name { get; }

    public JsonElement Root { get; }

    /// <summary>Loads (once per test run) a document from the spec folder, e.g. "radarr-v3.openapi.json" or "jellyseerr-api.yml".</summary>
    public static OpenApiDocument Load(string fileName) => Loaded.GetOrAdd(fileName, name =>
    {
        var text = File.ReadAllText(SpecFolder.File(name));
        var json = name.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            ? text
            : YamlToJson.Convert(text)?.ToJsonString() ?? throw new InvalidDataException($"{name} is empty");
        using var document = JsonDocument.Parse(json);
        return new OpenApiDocument(name, document.RootElement.Clone());
    });

    /// <summary>The operation object of <paramref name="method"/> on the path template (as written in the document).</summary>
    public JsonElement Operation(string pathTemplate, string method)
    {
        if (!Root.GetProperty("paths").TryGetProperty(pathTemplate, out var item))
        {
            throw new KeyNotFoundException($"{Name} has no path {pathTemplate}");
        }

        return item.TryGetProperty(method.ToLowerInvariant(), out var operation)
            ? operation
            : throw new KeyNotFoundException($"{Name} has no {method.ToUpperInvariant()} {pathTemplate}");
    }

    public IReadOnlyList<string> ResponseStatuses(string pathTemplate, string method) =>
        Operation(pathTemplate, method).GetProperty("responses").EnumerateObject().Select(r => r.Name).ToList();

    /// <summary>The response body schema, or null when the document describes no body for that status.</summary>
    public JsonElement? ResponseSchema(string pathTemplate, string method, string status, string mediaType = "application/json")
    {
        var responses = Operation(pathTemplate, method).GetProperty("responses");
        if (!responses.TryGetProperty(status, out var response))
        {
            throw new KeyNotFoundException($"{Name} {method.ToUpperInvariant()} {pathTemplate} documents no {status} response (only {string.Join(", ", responses.EnumerateObject().Select(r => r.Name))})");
        }

        if (response.TryGetProperty("$ref", out var reference))
        {
            response = OpenApiSchemaValidator.Resolve(Root, reference.GetString()!);
        }

        return response.TryGetProperty("content", out var content) && content.TryGetProperty(mediaType, out var media) && media.TryGetProperty("schema", out var schema)
            ? schema
            : null;
    }

    public JsonElement? RequestSchema(string pathTemplate, string method, string mediaType = "application/json") =>
        Operation(pathTemplate, method).TryGetProperty("requestBody", out var body)
        && body.TryGetProperty("content", out var content) && content.TryGetProperty(mediaType, out var media) && media.TryGetProperty("schema", out var schema)
            ? schema
            : null;

    /// <summary>Names of the parameters in <paramref name="location"/> ("query", "path"...), operation- and path-level.</summary>
    public IReadOnlyList<string> ParameterNames(string pathTemplate, string method, string location = "query")
    {
        var item = Root.GetProperty("paths").GetProperty(pathTemplate);
        var all = new[] { item, Operation(pathTemplate, method) }
            .Where(e => e.TryGetProperty("parameters", out _))
            .SelectMany(e => e.GetProperty("parameters").EnumerateArray())
            .Select(p => p.TryGetProperty("$ref", out var r) ? OpenApiSchemaValidator.Resolve(Root, r.GetString()!) : p);
        return all.Where(p => p.GetProperty("in").GetString() == location).Select(p => p.GetProperty("name").GetString()!).ToList();
    }

    /// <summary>
    /// The path template that a concrete request path (e.g. <c>/Items/0123…</c>) stands for, case-insensitive as
    /// ASP.NET Core routes; a literal template wins over one with placeholders (<c>/Items/Counts</c> over <c>/Items/{itemId}</c>).
    /// </summary>
    public string? PathTemplateFor(string method, string path) =>
        Root.GetProperty("paths").EnumerateObject()
            .Where(t => t.Value.TryGetProperty(method.ToLowerInvariant(), out _))
            .Select(t => t.Name)
            .Where(template => Regex.IsMatch(path, "^" + Regex.Replace(Regex.Escape(template), @"\\\{[^}]+}", "[^/]+") + "$", RegexOptions.IgnoreCase))
            .OrderBy(template => template.Count(c => c == '{'))
            .FirstOrDefault();

    /// <summary>
    /// Everything one recorded request and its answer break: an operation the document lacks, an undeclared query
    /// parameter, an undocumented status, a body where none is documented (or none where one is), and the body against
    /// its schema with unknown properties reported wherever <c>additionalProperties: false</c>.
    /// </summary>
    public IReadOnlyList<string> CheckExchange(string method, string path, IEnumerable<string> queryNames, int status, string? body)
    {
        var errors = new List<string>();
        if (PathTemplateFor(method, path) is not { } template)
        {
            errors.Add($"{method} {path}: no such operation in {Name}");
            return errors;
        }

        var declared = ParameterNames(template, method).ToHashSet(StringComparer.OrdinalIgnoreCase);
        errors.AddRange(queryNames.Where(n => !declared.Contains(n)).Select(n => $"{method} {template}: query parameter '{n}' is not in {Name}"));

        var statusText = status.ToString(CultureInfo.InvariantCulture);
        if (!ResponseStatuses(template, method).Contains(statusText))
        {
            errors.Add($"{method} {template}: status {status} is not documented");
            return errors;
        }

        if (ResponseSchema(template, method, statusText) is not { } schema)
        {
            if (!string.IsNullOrEmpty(body))
            {
                errors.Add($"{method} {template} {status}: {Name} documents no body but one was sent");
            }

            return errors;
        }

        if (string.IsNullOrEmpty(body))
        {
            errors.Add($"{method} {template} {status}: a JSON body was expected");
            return errors;
        }

        using var parsed = JsonDocument.Parse(body);
        errors.AddRange(Validate(schema, parsed.RootElement, rejectUnknownProperties: true).Select(v => $"{method} {template} {status}: {v}"));
        return errors;
    }

    public JsonElement Component(string schemaName) => Root.GetProperty("components").GetProperty("schemas").GetProperty(schemaName);

    public IReadOnlyList<SchemaViolation> Validate(JsonElement schema, JsonElement value, bool rejectUnknownProperties = false) =>
        OpenApiSchemaValidator.Validate(Root, schema, value, rejectUnknownProperties);

    /// <summary>Fails with the first 20 violations unless <paramref name="value"/> fits, unknown properties included.</summary>
    public void AssertValid(JsonElement schema, JsonElement value)
    {
        var violations = Validate(schema, value, rejectUnknownProperties: true);
        Assert.True(violations.Count == 0, string.Join("\n", violations.Take(20)));
    }
}
