using System.Collections.Concurrent;
using System.Text.Json;

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

    public JsonElement Component(string schemaName) => Root.GetProperty("components").GetProperty("schemas").GetProperty(schemaName);

    public IReadOnlyList<SchemaViolation> Validate(JsonElement schema, JsonElement value, bool rejectUnknownProperties = false) =>
        OpenApiSchemaValidator.Validate(Root, schema, value, rejectUnknownProperties);
}
