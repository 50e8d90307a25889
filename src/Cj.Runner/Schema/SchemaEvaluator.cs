using System.Text.Json;

namespace Cj.Runner.Schema;

/// <summary>
/// Evaluates an instance against a <see cref="CheckedSchema"/>, collecting every error. One evaluator serves one
/// validation: it tracks the <c>$ref</c>s being followed so that a reference cycle which consumes no part of the
/// instance throws instead of recursing forever.
/// </summary>
internal sealed partial class SchemaEvaluator(CheckedSchema schema)
{
    private readonly HashSet<(string Reference, string InstancePath)> following = [];

    public void Evaluate(JsonElement subschema, JsonElement instance, string path, List<SchemaError> errors)
    {
        if (subschema.ValueKind == JsonValueKind.True)
        {
            return;
        }

        if (subschema.ValueKind == JsonValueKind.False)
        {
            errors.Add(new SchemaError(path, "false", "no value is allowed here"));
            return;
        }

        foreach (var keyword in subschema.EnumerateObject())
        {
            var value = keyword.Value;
            switch (keyword.Name)
            {
                case "type": Type(value, instance, path, errors); break;
                case "enum": Enum(value, instance, path, errors); break;
                case "const": Const(value, instance, path, errors); break;
                case "minimum" or "maximum" or "exclusiveMinimum" or "exclusiveMaximum": Bound(keyword.Name, value, instance, path, errors); break;
                case "minLength" or "maxLength": Length(keyword.Name, value, instance, path, errors); break;
                case "pattern": Pattern(value, instance, path, errors); break;
                case "required": Required(value, instance, path, errors); break;
                case "minProperties" or "maxProperties": PropertyCount(keyword.Name, value, instance, path, errors); break;
                case "propertyNames": PropertyNames(value, instance, path, errors); break;
                case "minItems" or "maxItems": ItemCount(keyword.Name, value, instance, path, errors); break;
                case "uniqueItems" when value.ValueKind == JsonValueKind.True: UniqueItems(instance, path, errors); break;
                case "allOf": AllOf(value, instance, path, errors); break;
                case "anyOf": AnyOf(value, instance, path, errors); break;
                case "oneOf": OneOf(value, instance, path, errors); break;
                case "not": Not(value, instance, path, errors); break;
                case "$ref": Reference(value.GetString()!, instance, path, errors); break;
                default: break;
            }
        }

        Properties(subschema, instance, path, errors);
        Items(subschema, instance, path, errors);
        Conditional(subschema, instance, path, errors);
    }

    private List<SchemaError> Try(JsonElement subschema, JsonElement instance, string path)
    {
        var errors = new List<SchemaError>();
        Evaluate(subschema, instance, path, errors);
        return errors;
    }

    private void AllOf(JsonElement subschemas, JsonElement instance, string path, List<SchemaError> errors)
    {
        foreach (var subschema in subschemas.EnumerateArray())
        {
            Evaluate(subschema, instance, path, errors);
        }
    }

    private void AnyOf(JsonElement subschemas, JsonElement instance, string path, List<SchemaError> errors)
    {
        var failures = new List<List<SchemaError>>();
        foreach (var subschema in subschemas.EnumerateArray())
        {
            var result = Try(subschema, instance, path);
            if (result.Count == 0)
            {
                return;
            }

            failures.Add(result);
        }

        errors.Add(new SchemaError(path, "anyOf", NoneMatched("anyOf", failures)));
    }

    private void OneOf(JsonElement subschemas, JsonElement instance, string path, List<SchemaError> errors)
    {
        var failures = new List<List<SchemaError>>();
        var matched = new List<int>();
        var index = 0;
        foreach (var subschema in subschemas.EnumerateArray())
        {
            var result = Try(subschema, instance, path);
            if (result.Count == 0)
            {
                matched.Add(index);
            }
            else
            {
                failures.Add(result);
            }

            index++;
        }

        if (matched.Count == 0)
        {
            errors.Add(new SchemaError(path, "oneOf", NoneMatched("oneOf", failures)));
        }
        else if (matched.Count > 1)
        {
            errors.Add(new SchemaError(path, "oneOf", $"matches the schemas at {string.Join(" and ", matched)} in oneOf; expected exactly one"));
        }
    }

    private void Not(JsonElement subschema, JsonElement instance, string path, List<SchemaError> errors)
    {
        if (Try(subschema, instance, path).Count == 0)
        {
            errors.Add(new SchemaError(path, "not", "matches the schema in 'not'"));
        }
    }

    private void Conditional(JsonElement subschema, JsonElement instance, string path, List<SchemaError> errors)
    {
        if (!subschema.TryGetProperty("if", out var condition))
        {
            return;
        }

        var branch = Try(condition, instance, path).Count == 0 ? "then" : "else";
        if (subschema.TryGetProperty(branch, out var consequence))
        {
            Evaluate(consequence, instance, path, errors);
        }
    }

    private void Reference(string reference, JsonElement instance, string path, List<SchemaError> errors)
    {
        if (!following.Add((reference, path)))
        {
            throw new ArgumentException($"$ref '{reference}' refers back to itself without descending into the instance (at '{path}').");
        }

        try
        {
            Evaluate(schema.References[reference], instance, path, errors);
        }
        finally
        {
            following.Remove((reference, path));
        }
    }

    private static string NoneMatched(string keyword, List<List<SchemaError>> failures)
    {
        var reasons = failures.Select((f, i) => $"[{i}] {f[0]}{(f.Count > 1 ? $" (+{f.Count - 1} more)" : "")}");
        return $"matches none of the {failures.Count} schemas in {keyword}: {string.Join("; ", reasons)}";
    }
}
