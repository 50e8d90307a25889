using System.Text.Json;
using Cj.Runner.Schema;

namespace Cj.Runner.Tests.Schema;

public sealed class JsonSchemaValidatorTests
{
    [Theory]
    [InlineData("""{"type":"string"}""", "\"a\"")]
    [InlineData("""{"type":"integer"}""", "3")]
    [InlineData("""{"type":"integer"}""", "3.0")]
    [InlineData("""{"type":"number"}""", "3")]
    [InlineData("""{"type":["number","null"]}""", "null")]
    [InlineData("""{"enum":["a",1,{"x":[1]}]}""", """{"x":[1.0]}""")]
    [InlineData("""{"const":{"a":1,"b":2}}""", """{"b":2,"a":1}""")]
    [InlineData("""{"properties":{"a":{"type":"number"}},"required":["a"],"additionalProperties":false}""", """{"a":1}""")]
    [InlineData("""{"patternProperties":{"^x-":{"type":"string"}},"additionalProperties":false}""", """{"x-a":"s"}""")]
    [InlineData("""{"additionalProperties":{"type":"number"}}""", """{"a":1,"b":2}""")]
    [InlineData("""{"propertyNames":{"pattern":"^[a-z_]+$"}}""", """{"batch_id":1}""")]
    [InlineData("""{"minProperties":1,"maxProperties":2}""", """{"a":1}""")]
    [InlineData("""{"prefixItems":[{"type":"string"}],"items":{"type":"number"}}""", """["a",1,2]""")]
    [InlineData("""{"minItems":1,"maxItems":2,"uniqueItems":true}""", """[1,"1"]""")]
    [InlineData("""{"minimum":0,"maximum":1}""", "0")]
    [InlineData("""{"exclusiveMinimum":0,"exclusiveMaximum":1}""", "0.5")]
    [InlineData("""{"minimum":0}""", "\"not a number\"")]
    [InlineData("""{"minLength":2,"maxLength":2}""", "\"😀😀\"")]
    [InlineData("""{"pattern":"[0-9]+"}""", "\"abc123def\"")]
    [InlineData("""{"allOf":[{"type":"number"},{"minimum":1}]}""", "2")]
    [InlineData("""{"anyOf":[{"type":"string"},{"type":"number"}]}""", "2")]
    [InlineData("""{"oneOf":[{"type":"string"},{"type":"number"}]}""", "2")]
    [InlineData("""{"not":{"type":"null"}}""", "0")]
    [InlineData("""{"if":{"minimum":10},"then":{"maximum":20},"else":{"maximum":5}}""", "15")]
    [InlineData("""{"if":{"minimum":10},"then":{"maximum":20},"else":{"maximum":5}}""", "3")]
    [InlineData("""{"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"x","title":"t","description":"d","$comment":"c","examples":[1],"default":1,"format":"uri","deprecated":false,"readOnly":true}""", "1")]
    [InlineData("true", "{}")]
    public void A_valid_instance_has_no_errors(string schema, string instance) =>
        Assert.Empty(Validate(schema, instance));

    [Theory]
    [InlineData("""{"type":"string"}""", "1", "type", "(root): expected string, got number")]
    [InlineData("""{"type":"integer"}""", "3.5", "type", "(root): expected integer, got number")]
    [InlineData("""{"type":["number","null"]}""", "\"x\"", "type", "(root): expected number or null, got string")]
    [InlineData("""{"type":["string","integer","null"]}""", "true", "type", "(root): expected string, integer or null, got boolean")]
    [InlineData("""{"enum":["a","b"]}""", "\"c\"", "enum", "(root): expected one of \"a\", \"b\", got \"c\"")]
    [InlineData("""{"const":3}""", "4", "const", "(root): expected 3, got 4")]
    [InlineData("""{"properties":{"a":{"type":"number"}}}""", """{"a":"x"}""", "type", "/a: expected number, got string")]
    [InlineData("""{"required":["batch_id"]}""", "{}", "required", "(root): missing required property 'batch_id'")]
    [InlineData("""{"properties":{"a":true},"additionalProperties":false}""", """{"a":1,"b":2}""", "additionalProperties", "(root): unexpected property 'b'")]
    [InlineData("""{"additionalProperties":{"type":"number"}}""", """{"b":"x"}""", "type", "/b: expected number, got string")]
    [InlineData("""{"patternProperties":{"^x-":{"type":"string"}}}""", """{"x-a":1}""", "type", "/x-a: expected string, got number")]
    [InlineData("""{"propertyNames":{"pattern":"^[a-z_]+$"}}""", """{"Batch":1}""", "propertyNames", """(root): property name 'Batch' is invalid: "Batch" does not match pattern '^[a-z_]+$'""")]
    [InlineData("""{"minProperties":1}""", "{}", "minProperties", "(root): expected at least 1 property, got 0")]
    [InlineData("""{"maxProperties":1}""", """{"a":1,"b":2}""", "maxProperties", "(root): expected at most 1 property, got 2")]
    [InlineData("""{"prefixItems":[{"type":"string"}]}""", "[1]", "type", "/0: expected string, got number")]
    [InlineData("""{"prefixItems":[{"type":"string"}],"items":{"type":"number"}}""", """["a",1,"b"]""", "type", "/2: expected number, got string")]
    [InlineData("""{"items":false}""", "[1]", "false", "/0: no value is allowed here")]
    [InlineData("""{"minItems":2}""", "[1]", "minItems", "(root): expected at least 2 items, got 1")]
    [InlineData("""{"maxItems":1}""", "[1,2]", "maxItems", "(root): expected at most 1 item, got 2")]
    [InlineData("""{"uniqueItems":true}""", "[1,2,1.0]", "uniqueItems", "(root): items 0 and 2 are equal (1.0)")]
    [InlineData("""{"uniqueItems":true}""", """["a","b","a"]""", "uniqueItems", """(root): items 0 and 2 are equal ("a")""")]
    [InlineData("""{"minimum":0}""", "-1", "minimum", "(root): expected a number >= 0, got -1")]
    [InlineData("""{"maximum":1}""", "1.5", "maximum", "(root): expected a number <= 1, got 1.5")]
    [InlineData("""{"exclusiveMinimum":0}""", "0", "exclusiveMinimum", "(root): expected a number > 0, got 0")]
    [InlineData("""{"exclusiveMaximum":1}""", "1", "exclusiveMaximum", "(root): expected a number < 1, got 1")]
    [InlineData("""{"minLength":3}""", "\"😀😀\"", "minLength", "(root): expected at least 3 characters, got 2")]
    [InlineData("""{"maxLength":1}""", "\"😀😀\"", "maxLength", "(root): expected at most 1 character, got 2")]
    [InlineData("""{"pattern":"[0-9]+"}""", "\"abc\"", "pattern", """(root): "abc" does not match pattern '[0-9]+'""")]
    [InlineData("""{"allOf":[{"type":"number"},{"minimum":3}]}""", "2", "minimum", "(root): expected a number >= 3, got 2")]
    [InlineData("""{"anyOf":[{"type":"string"},{"type":"null"}]}""", "2", "anyOf", "(root): matches none of the 2 schemas in anyOf: [0] (root): expected string, got number; [1] (root): expected null, got number")]
    [InlineData("""{"oneOf":[{"type":"number"},{"minimum":1}]}""", "2", "oneOf", "(root): matches the schemas at 0 and 1 in oneOf; expected exactly one")]
    [InlineData("""{"oneOf":[{"type":"string"},{"type":"null"}]}""", "2", "oneOf", "(root): matches none of the 2 schemas in oneOf: [0] (root): expected string, got number; [1] (root): expected null, got number")]
    [InlineData("""{"not":{"type":"null"}}""", "null", "not", "(root): matches the schema in 'not'")]
    [InlineData("""{"if":{"minimum":10},"then":{"maximum":20},"else":{"maximum":5}}""", "25", "maximum", "(root): expected a number <= 20, got 25")]
    [InlineData("""{"if":{"minimum":10},"then":{"maximum":20},"else":{"maximum":5}}""", "7", "maximum", "(root): expected a number <= 5, got 7")]
    [InlineData("false", "{}", "false", "(root): no value is allowed here")]
    [InlineData("""{"properties":{"a/b":{"properties":{"c~d":{"type":"string"}}}}}""", """{"a/b":{"c~d":1}}""", "type", "/a~1b/c~0d: expected string, got number")]
    public void An_invalid_instance_is_reported_with_its_path_keyword_and_message(string schema, string instance, string keyword, string expected)
    {
        var error = Assert.Single(Validate(schema, instance));
        Assert.Equal(keyword, error.Keyword);
        Assert.Equal(expected, error.ToString());
    }

    [Fact]
    public void Nested_errors_name_the_full_pointer_and_all_errors_are_collected()
    {
        const string schema = """
            {"properties": {
              "metadata": {"required": ["batch_id"]},
              "validation": {"properties": {"runner_status": {"properties": {"partial_data": {"type": "boolean"}}}}},
              "results": {"properties": {"essays": {"items": {"properties": {"standard_error": {"type": ["number", "null"]}}}}}}}}
            """;
        const string instance = """
            {"metadata": {}, "validation": {"runner_status": {"partial_data": null}},
             "results": {"essays": [{"standard_error": "0.3"}]}}
            """;
        var errors = Validate(schema, instance).Select(e => e.ToString());
        Assert.Equal(
            [
                "/metadata: missing required property 'batch_id'",
                "/validation/runner_status/partial_data: expected boolean, got null",
                "/results/essays/0/standard_error: expected number or null, got string",
            ],
            errors);
        Assert.Equal("/results/essays/0/standard_error", Validate(schema, instance)[2].InstancePath);
    }

    [Fact]
    public void A_ref_into_defs_validates_recursive_structures()
    {
        const string schema = """
            {"$ref": "#/$defs/node", "$defs": {"node": {"type": "object", "required": ["name"],
              "properties": {"name": {"type": "string"}, "children": {"type": "array", "items": {"$ref": "#/$defs/node"}}}}}}
            """;
        Assert.Empty(Validate(schema, """{"name":"a","children":[{"name":"b","children":[{"name":"c"}]}]}"""));
        var error = Assert.Single(Validate(schema, """{"name":"a","children":[{"name":"b","children":[{"name":1}]}]}"""));
        Assert.Equal("/children/0/children/0/name: expected string, got number", error.ToString());
    }

    [Fact]
    public void A_ref_to_the_root_and_escaped_pointer_tokens_resolve()
    {
        const string schema = """{"properties": {"next": {"$ref": "#"}, "v": {"$ref": "#/$defs/a~1b~0c"}}, "$defs": {"a/b~c": {"type": "integer"}}}""";
        Assert.Empty(Validate(schema, """{"v":1,"next":{"v":2,"next":{}}}"""));
        Assert.Equal("/next/next/v: expected integer, got string", Assert.Single(Validate(schema, """{"next":{"next":{"v":"x"}}}""")).ToString());
    }

    [Theory]
    [InlineData("""{"unevaluatedProperties":false}""", "#/unevaluatedProperties", "unevaluatedProperties")]
    [InlineData("""{"$defs":{"unused":{"properties":{"a":{"multipleOf":2}}}}}""", "#/$defs/unused/properties/a/multipleOf", "multipleOf")]
    [InlineData("""{"items":{"$id":"inner"}}""", "#/items/$id", "$id")]
    [InlineData("""{"$schema":"http://json-schema.org/draft-07/schema#"}""", "#/$schema", "2020-12")]
    [InlineData("""{"$ref":"other.json#/$defs/a"}""", "#/$ref", "other.json")]
    public void An_unsupported_keyword_throws_naming_it_and_its_schema_path(string schema, string path, string named)
    {
        var exception = Assert.Throws<NotSupportedException>(() => Validate(schema, "{}"));
        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
        Assert.Contains(named, exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"type":"int"}""", "#/type")]
    [InlineData("""{"required":"a"}""", "#/required")]
    [InlineData("""{"minLength":-1}""", "#/minLength")]
    [InlineData("""{"pattern":"("}""", "#/pattern")]
    [InlineData("""{"$ref":"#/$defs/missing"}""", "#/$ref")]
    [InlineData("""{"properties":{"a":1}}""", "#/properties/a")]
    public void A_malformed_schema_throws_naming_the_location(string schema, string path) =>
        Assert.Contains(path, Assert.Throws<ArgumentException>(() => Validate(schema, "{}")).Message, StringComparison.Ordinal);

    [Fact]
    public void A_ref_cycle_that_consumes_nothing_throws_instead_of_recursing_forever()
    {
        const string schema = """{"$ref": "#/$defs/a", "$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"anyOf": [{"$ref": "#/$defs/a"}]}}}""";
        Assert.Contains("refers back to itself", Assert.Throws<ArgumentException>(() => Validate(schema, "1")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_embedded_artefact_schema_loads_and_rejects_a_non_object()
    {
        Assert.Equal(JsonValueKind.Object, ArtefactSchema.Document.ValueKind);
        Assert.Contains(ArtefactSchema.Validate(Parse("[]")), e => e.InstancePath.Length == 0 && e.Keyword == "type");
    }

    private static IReadOnlyList<SchemaError> Validate(string schema, string instance) =>
        JsonSchemaValidator.Validate(Parse(schema), Parse(instance));

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
