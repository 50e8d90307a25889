using System.Text.Json;
using System.Text.RegularExpressions;

namespace Cj.Runner.Schema;

/// <summary>Keywords that look at one value: type, enum, const, numeric bounds, string length and pattern.</summary>
internal sealed partial class SchemaEvaluator
{
    private const int MaxListedValues = 10;

    private static void Type(JsonElement types, JsonElement instance, string path, List<SchemaError> errors)
    {
        var names = types.ValueKind == JsonValueKind.Array ? types.EnumerateArray().Select(t => t.GetString()!).ToList() : [types.GetString()!];
        var actual = JsonValues.TypeName(instance);
        var matches = names.Contains(actual, StringComparer.Ordinal)
            || (actual == "number" && names.Contains("integer", StringComparer.Ordinal) && JsonValues.IsInteger(instance));
        if (!matches)
        {
            errors.Add(new SchemaError(path, "type", $"expected {JsonValues.OrList(names)}, got {actual}"));
        }
    }

    private static void Enum(JsonElement values, JsonElement instance, string path, List<SchemaError> errors)
    {
        if (values.EnumerateArray().Any(v => JsonElement.DeepEquals(v, instance)))
        {
            return;
        }

        var listed = values.EnumerateArray().Take(MaxListedValues).Select(JsonValues.Render);
        var more = values.GetArrayLength() > MaxListedValues ? ", …" : "";
        errors.Add(new SchemaError(path, "enum", $"expected one of {string.Join(", ", listed)}{more}, got {JsonValues.Render(instance)}"));
    }

    private static void Const(JsonElement value, JsonElement instance, string path, List<SchemaError> errors)
    {
        if (!JsonElement.DeepEquals(value, instance))
        {
            errors.Add(new SchemaError(path, "const", $"expected {JsonValues.Render(value)}, got {JsonValues.Render(instance)}"));
        }
    }

    private static void Bound(string keyword, JsonElement limit, JsonElement instance, string path, List<SchemaError> errors)
    {
        if (instance.ValueKind != JsonValueKind.Number)
        {
            return;
        }

        var order = JsonValues.Compare(instance, limit);
        var (holds, relation) = keyword switch
        {
            "minimum" => (order >= 0, ">="),
            "maximum" => (order <= 0, "<="),
            "exclusiveMinimum" => (order > 0, ">"),
            _ => (order < 0, "<"),
        };
        if (!holds)
        {
            errors.Add(new SchemaError(path, keyword, $"expected a number {relation} {limit.GetRawText()}, got {instance.GetRawText()}"));
        }
    }

    private static void Length(string keyword, JsonElement limit, JsonElement instance, string path, List<SchemaError> errors)
    {
        if (instance.ValueKind != JsonValueKind.String)
        {
            return;
        }

        var length = JsonValues.CodePoints(instance.GetString()!);
        var bound = limit.GetInt32();
        if (keyword == "minLength" ? length < bound : length > bound)
        {
            var side = keyword == "minLength" ? "at least" : "at most";
            errors.Add(new SchemaError(path, keyword, $"expected {side} {JsonValues.Count(bound, "character")}, got {length}"));
        }
    }

    private void Pattern(JsonElement pattern, JsonElement instance, string path, List<SchemaError> errors)
    {
        if (instance.ValueKind != JsonValueKind.String)
        {
            return;
        }

        var source = pattern.GetString()!;
        var matched = IsMatch(source, instance.GetString()!);
        if (matched != true)
        {
            var problem = matched is null ? TimedOut(source) : $"does not match pattern '{source}'";
            errors.Add(new SchemaError(path, "pattern", $"{JsonValues.Render(instance)} {problem}"));
        }
    }

    /// <summary>Whether the (unanchored) pattern matches somewhere in <paramref name="text"/>; null when the match timed out.</summary>
    private bool? IsMatch(string pattern, string text)
    {
        try
        {
            return schema.Patterns[pattern].IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    private static string TimedOut(string pattern) =>
        FormattableString.Invariant($"could not be matched against pattern '{pattern}' within {SchemaCheck.MatchTimeout.TotalSeconds} s");
}
