using System.Text.Json;

namespace Cj.Runner.Schema;

/// <summary>Object keywords: properties, patternProperties, additionalProperties, required, propertyNames, min/maxProperties.</summary>
internal sealed partial class SchemaEvaluator
{
    private void Properties(JsonElement subschema, JsonElement instance, string path, List<SchemaError> errors)
    {
        if (instance.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var hasProperties = subschema.TryGetProperty("properties", out var properties);
        var hasPatterns = subschema.TryGetProperty("patternProperties", out var patterns);
        var hasAdditional = subschema.TryGetProperty("additionalProperties", out var additional);
        if (!hasProperties && !hasPatterns && !hasAdditional)
        {
            return;
        }

        foreach (var property in instance.EnumerateObject())
        {
            var at = JsonPointer.Append(path, property.Name);
            var known = false;
            if (hasProperties && properties.TryGetProperty(property.Name, out var declared))
            {
                known = true;
                Evaluate(declared, property.Value, at, errors);
            }

            if (hasPatterns)
            {
                foreach (var pattern in patterns.EnumerateObject())
                {
                    var matched = IsMatch(pattern.Name, property.Name);
                    known |= matched != false;
                    if (matched is null)
                    {
                        errors.Add(new SchemaError(at, "patternProperties", TimedOut(pattern.Name)));
                    }
                    else if (matched.Value)
                    {
                        Evaluate(pattern.Value, property.Value, at, errors);
                    }
                }
            }

            if (known || !hasAdditional)
            {
                continue;
            }

            if (additional.ValueKind == JsonValueKind.False)
            {
                errors.Add(new SchemaError(path, "additionalProperties", $"unexpected property '{property.Name}'"));
            }
            else
            {
                Evaluate(additional, property.Value, at, errors);
            }
        }
    }

    private static void Required(JsonElement names, JsonElement instance, string path, List<SchemaError> errors)
    {
        if (instance.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var name in names.EnumerateArray().Select(n => n.GetString()!))
        {
            if (!instance.TryGetProperty(name, out _))
            {
                errors.Add(new SchemaError(path, "required", $"missing required property '{name}'"));
            }
        }
    }

    private void PropertyNames(JsonElement subschema, JsonElement instance, string path, List<SchemaError> errors)
    {
        if (instance.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var property in instance.EnumerateObject())
        {
            var name = JsonSerializer.SerializeToElement(property.Name);
            if (Try(subschema, name, path) is [var first, ..])
            {
                errors.Add(new SchemaError(path, "propertyNames", $"property name '{property.Name}' is invalid: {first.Message}"));
            }
        }
    }

    private static void PropertyCount(string keyword, JsonElement limit, JsonElement instance, string path, List<SchemaError> errors)
    {
        if (instance.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var count = instance.EnumerateObject().Count();
        var bound = limit.GetInt32();
        if (keyword == "minProperties" ? count < bound : count > bound)
        {
            var side = keyword == "minProperties" ? "at least" : "at most";
            errors.Add(new SchemaError(path, keyword, $"expected {side} {JsonValues.Count(bound, "property", "properties")}, got {count}"));
        }
    }
}
