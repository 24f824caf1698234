using System.Text.Json;

namespace Cleanup.Integrations.Tests.Contracts;

/// <summary>The validator must find what it is there to find, or every contract test would pass vacuously.</summary>
public sealed class OpenApiSchemaValidatorTests
{
    private static readonly JsonElement Document = JsonDocument.Parse("""
        {
          "components": { "schemas": {
            "Tag": { "type": "object", "properties": { "id": { "type": "integer", "format": "int32" }, "label": { "type": "string", "nullable": true } }, "additionalProperties": false },
            "Status": { "enum": ["continuing", "ended"], "type": "string" },
            "Movie": { "type": "object", "required": ["id"], "properties": {
              "id": { "type": "integer", "format": "int32" },
              "size": { "type": "integer", "format": "int64" },
              "added": { "type": "string", "format": "date-time" },
              "key": { "type": "string", "format": "uuid" },
              "status": { "$ref": "#/components/schemas/Status" },
              "tags": { "type": "array", "uniqueItems": true, "items": { "type": "integer" } },
              "tag": { "$ref": "#/components/schemas/Tag" },
              "rating": { "type": "number" },
              "seasons": { "oneOf": [ { "type": "array", "items": { "type": "number" } }, { "type": "string", "enum": ["all"] } ] },
              "modifiedBy": { "anyOf": [ { "$ref": "#/components/schemas/Tag" }, { "type": "string", "nullable": true } ] },
              "both": { "allOf": [ { "$ref": "#/components/schemas/Tag" }, { "required": ["label"] } ] }
            } }
          } }
        }
        """).RootElement;

    private static IReadOnlyList<SchemaViolation> Check(string json, bool strict = false) =>
        OpenApiSchemaValidator.Validate(Document, Document.GetProperty("components").GetProperty("schemas").GetProperty("Movie"), JsonDocument.Parse(json).RootElement, strict);

    [Fact]
    public void A_conforming_value_has_no_violations()
    {
        Assert.Empty(Check("""
            {"id":1,"size":30000000000,"added":"2024-05-01T10:20:30Z","status":"ended","tags":[1,2],"tag":{"id":3,"label":null},
             "rating":7.5,"seasons":[1,2],"modifiedBy":null,"both":{"id":1,"label":"x"},"unknown":true}
            """));
        Assert.Empty(Check("""{"id":1,"seasons":"all","modifiedBy":{"id":2},"added":"2024-05-01T10:20:30.000Z","key":"0123456789abcdef0123456789abcdef"}"""));
    }

    [Theory]
    [InlineData("""{"size":1}""", "$.id", "required")]
    [InlineData("""{"id":"1"}""", "$.id", "integer")]
    [InlineData("""{"id":1.5}""", "$.id", "integer")]
    [InlineData("""{"id":3000000000}""", "$.id", "int32")]
    [InlineData("""{"id":1,"added":"2024-05-01"}""", "$.added", "date-time")]
    [InlineData("""{"id":1,"added":null}""", "$.added", "not nullable")]
    [InlineData("""{"id":1,"key":"not-a-guid"}""", "$.key", "uuid")]
    [InlineData("""{"id":1,"status":"hiatus"}""", "$.status", "is not one of")]
    [InlineData("""{"id":1,"tags":[1,1]}""", "$.tags[1]", "uniqueItems")]
    [InlineData("""{"id":1,"tags":{}}""", "$.tags", "array")]
    [InlineData("""{"id":1,"tag":{"id":"x"}}""", "$.tag.id", "integer")]
    [InlineData("""{"id":1,"rating":"7"}""", "$.rating", "number")]
    [InlineData("""{"id":1,"seasons":"some"}""", "$.seasons", "oneOf")]
    [InlineData("""{"id":1,"modifiedBy":5}""", "$.modifiedBy", "anyOf")]
    [InlineData("""{"id":1,"both":{"id":1}}""", "$.both.label", "required")]
    public void A_broken_value_is_reported_at_its_path(string json, string path, string words)
    {
        var violation = Assert.Single(Check(json));

        Assert.Equal(path, violation.Path);
        Assert.Contains(words, violation.Message);
    }

    [Fact]
    public void Unknown_properties_are_reported_only_when_asked_and_only_where_forbidden()
    {
        var json = """{"id":1,"extra":1,"tag":{"id":1,"colour":"red"}}""";

        Assert.Empty(Check(json));
        Assert.Equal(["$.tag.colour"], Check(json, strict: true).Select(v => v.Path));
    }

    [Fact]
    public void Yaml_scalars_get_their_types()
    {
        var node = YamlToJson.Convert("""
            a: 1
            b: '1'
            c: true
            d: null
            e: 2020-09-12T10:00:27.000Z
            f: [1.5, x]
            g:
              - h: ~
            """)!;

        Assert.Equal("""{"a":1,"b":"1","c":true,"d":null,"e":"2020-09-12T10:00:27.000Z","f":[1.5,"x"],"g":[{"h":null}]}""", node.ToJsonString());
    }

    [Fact]
    public void The_upstream_documents_are_found_and_read()
    {
        Assert.Equal("3.0.4", OpenApiDocument.Load("radarr-v3.openapi.json").Root.GetProperty("openapi").GetString());
        Assert.Equal("3.0.2", OpenApiDocument.Load("jellyseerr-api.yml").Root.GetProperty("openapi").GetString());
        Assert.Contains("204", OpenApiDocument.Load("overseerr-api.yml").ResponseStatuses("/media/{mediaId}", "DELETE"));
    }
}
