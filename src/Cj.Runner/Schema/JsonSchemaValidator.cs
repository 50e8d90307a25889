using System.Text.Json;

namespace Cj.Runner.Schema;

/// <summary>
/// A strict validator for the subset of JSON Schema 2020-12 that the runner's schemas use. The whole schema is checked
/// first: a keyword outside the subset throws <see cref="NotSupportedException"/> (so a schema cannot rely on a rule that
/// is silently skipped), and a malformed value or an unresolvable <c>$ref</c> throws <see cref="ArgumentException"/>.
/// </summary>
/// <remarks>
/// Supported: <c>type</c>, <c>enum</c>, <c>const</c>, <c>properties</c>, <c>patternProperties</c>, <c>additionalProperties</c>,
/// <c>required</c>, <c>propertyNames</c>, <c>minProperties</c>, <c>maxProperties</c>, <c>prefixItems</c>, <c>items</c>,
/// <c>minItems</c>, <c>maxItems</c>, <c>uniqueItems</c>, <c>minimum</c>, <c>maximum</c>, <c>exclusiveMinimum</c>,
/// <c>exclusiveMaximum</c>, <c>minLength</c>, <c>maxLength</c> (Unicode code points), <c>pattern</c> (.NET regular
/// expressions, unanchored, with a match timeout; note <c>\d</c> also matches non-ASCII digits), <c>allOf</c>, <c>anyOf</c>,
/// <c>oneOf</c>, <c>not</c>, <c>if</c>/<c>then</c>/<c>else</c>, <c>$defs</c> and local <c>$ref</c> (<c>#</c> or
/// <c>#/…</c> JSON Pointers). Annotations are ignored: <c>$schema</c> (must name 2020-12) and <c>$id</c> at the root only,
/// <c>title</c>, <c>description</c>, <c>$comment</c>, <c>examples</c>, <c>default</c>, <c>format</c>, <c>deprecated</c>,
/// <c>readOnly</c>.
/// </remarks>
internal static class JsonSchemaValidator
{
    /// <summary>Every error of <paramref name="instance"/> against <paramref name="schema"/>, in schema order; empty when valid.</summary>
    public static IReadOnlyList<SchemaError> Validate(JsonElement schema, JsonElement instance) =>
        Validate(SchemaCheck.Check(schema), instance);

    /// <summary>As <see cref="Validate(JsonElement, JsonElement)"/> for a schema checked once and reused.</summary>
    public static IReadOnlyList<SchemaError> Validate(CheckedSchema schema, JsonElement instance)
    {
        var errors = new List<SchemaError>();
        new SchemaEvaluator(schema).Evaluate(schema.Root, instance, "", errors);
        return errors;
    }
}
