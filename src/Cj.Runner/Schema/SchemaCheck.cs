using System.Collections.Frozen;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Cj.Runner.Schema;

/// <summary>
/// Walks a whole schema before any instance is validated, so that every keyword is known (unsupported ones throw
/// <see cref="NotSupportedException"/>), every keyword value is well formed and every <c>$ref</c> resolves
/// (otherwise <see cref="ArgumentException"/>). Both name the schema location, e.g. <c>#/$defs/essay/unevaluatedProperties</c>.
/// </summary>
internal static class SchemaCheck
{
    public const string Dialect = "https://json-schema.org/draft/2020-12/schema";

    /// <summary>Bounds the time one <c>pattern</c> match may take, so a pathological pattern cannot hang a run.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    private static readonly FrozenSet<string> TypeNames =
        FrozenSet.Create(StringComparer.Ordinal, "null", "boolean", "object", "array", "number", "integer", "string");

    private static readonly FrozenDictionary<string, Kind> Keywords = new (Kind Kind, string[] Names)[]
    {
        (Kind.Annotation, ["title", "description", "$comment", "examples", "default", "format", "deprecated", "readOnly"]),
        (Kind.RootAnnotation, ["$id"]),
        (Kind.Dialect, ["$schema"]),
        (Kind.Reference, ["$ref"]),
        (Kind.Types, ["type"]),
        (Kind.Values, ["enum"]),
        (Kind.Value, ["const"]),
        (Kind.Schema, ["additionalProperties", "propertyNames", "items", "not", "if", "then", "else"]),
        (Kind.SchemaMap, ["$defs", "properties"]),
        (Kind.PatternMap, ["patternProperties"]),
        (Kind.SchemaList, ["prefixItems", "allOf", "anyOf", "oneOf"]),
        (Kind.Names, ["required"]),
        (Kind.Count, ["minProperties", "maxProperties", "minItems", "maxItems", "minLength", "maxLength"]),
        (Kind.Number, ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"]),
        (Kind.Boolean, ["uniqueItems"]),
        (Kind.Pattern, ["pattern"]),
    }.SelectMany(group => group.Names, (group, name) => KeyValuePair.Create(name, group.Kind)).ToFrozenDictionary(StringComparer.Ordinal);

    private enum Kind { Annotation, Value, RootAnnotation, Dialect, Schema, SchemaMap, PatternMap, SchemaList, Types, Values, Names, Count, Number, Boolean, Pattern, Reference }

    public static CheckedSchema Check(JsonElement schema)
    {
        var walk = new Walk();
        walk.Visit(schema, "#");
        var references = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var (reference, at) in walk.References)
        {
            var location = JsonPointer.CanonicalLocation(reference)
                ?? throw new NotSupportedException($"{at}: $ref '{reference}' is not supported; only local JSON Pointers such as '#/$defs/name' or '#' are.");
            references[reference] = walk.Schemas.TryGetValue(location, out var target)
                ? target
                : throw new ArgumentException($"{at}: $ref '{reference}' does not point at a schema in this document.");
        }

        return new CheckedSchema(schema, references, walk.Patterns);
    }

    private sealed class Walk
    {
        public Dictionary<string, JsonElement> Schemas { get; } = new(StringComparer.Ordinal);

        public List<(string Reference, string At)> References { get; } = [];

        public Dictionary<string, Regex> Patterns { get; } = new(StringComparer.Ordinal);

        public void Visit(JsonElement schema, string at)
        {
            Schemas[at] = schema;
            if (schema.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                return;
            }

            Require(schema.ValueKind == JsonValueKind.Object, at, "a schema must be an object or a boolean");
            foreach (var keyword in schema.EnumerateObject())
            {
                var path = JsonPointer.Append(at, keyword.Name);
                if (!Keywords.TryGetValue(keyword.Name, out var kind))
                {
                    throw new NotSupportedException($"{path}: unsupported schema keyword '{keyword.Name}'; the validator would ignore it.");
                }

                if ((kind is Kind.Dialect or Kind.RootAnnotation) && at != "#")
                {
                    throw new NotSupportedException($"{path}: '{keyword.Name}' is supported only at the root of the schema.");
                }

                CheckValue(kind, keyword.Value, path);
            }
        }

        private void CheckValue(Kind kind, JsonElement value, string path)
        {
            switch (kind)
            {
                case Kind.Dialect when value.ValueKind != JsonValueKind.String || value.GetString()!.TrimEnd('#') != Dialect:
                    throw new NotSupportedException($"{path}: only JSON Schema 2020-12 ('{Dialect}') is supported, not {value.GetRawText()}.");
                case Kind.Schema:
                    Visit(value, path);
                    break;
                case Kind.SchemaMap or Kind.PatternMap:
                    Require(value.ValueKind == JsonValueKind.Object, path, "expected an object of schemas");
                    foreach (var entry in value.EnumerateObject())
                    {
                        if (kind == Kind.PatternMap)
                        {
                            Compile(entry.Name, path);
                        }

                        Visit(entry.Value, JsonPointer.Append(path, entry.Name));
                    }

                    break;
                case Kind.SchemaList:
                    Require(value.ValueKind == JsonValueKind.Array && value.GetArrayLength() > 0, path, "expected a non-empty array of schemas");
                    var index = 0;
                    foreach (var item in value.EnumerateArray())
                    {
                        Visit(item, JsonPointer.Append(path, index++));
                    }

                    break;
                case Kind.Types:
                    var names = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToList() : [value];
                    Require(names.Count > 0 && names.All(n => n.ValueKind == JsonValueKind.String && TypeNames.Contains(n.GetString()!))
                        && names.Select(n => n.GetString()).Distinct(StringComparer.Ordinal).Count() == names.Count,
                        path, "expected a type name or an array of distinct type names");
                    break;
                case Kind.Values:
                    Require(value.ValueKind == JsonValueKind.Array && value.GetArrayLength() > 0, path, "expected a non-empty array");
                    break;
                case Kind.Names:
                    Require(value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(n => n.ValueKind == JsonValueKind.String),
                        path, "expected an array of property names");
                    break;
                case Kind.Count:
                    Require(value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var count) && count >= 0, path, "expected a non-negative integer");
                    break;
                case Kind.Number:
                    Require(value.ValueKind == JsonValueKind.Number, path, "expected a number");
                    break;
                case Kind.Boolean:
                    Require(value.ValueKind is JsonValueKind.True or JsonValueKind.False, path, "expected true or false");
                    break;
                case Kind.Pattern:
                    Require(value.ValueKind == JsonValueKind.String, path, "expected a regular expression string");
                    Compile(value.GetString()!, path);
                    break;
                case Kind.Reference:
                    Require(value.ValueKind == JsonValueKind.String, path, "expected a reference string");
                    References.Add((value.GetString()!, path));
                    break;
                default:
                    break;
            }
        }

        private void Compile(string pattern, string path)
        {
            if (Patterns.ContainsKey(pattern))
            {
                return;
            }

            try
            {
                Patterns[pattern] = new Regex(pattern, RegexOptions.CultureInvariant, MatchTimeout);
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException($"{path}: invalid regular expression '{pattern}' ({e.Message}).", e);
            }
        }

        private static void Require(bool condition, string path, string expectation)
        {
            if (!condition)
            {
                throw new ArgumentException($"{path}: malformed schema keyword value; {expectation}.");
            }
        }
    }
}
