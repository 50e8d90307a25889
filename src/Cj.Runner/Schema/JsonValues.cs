using System.Globalization;
using System.Text.Json;

namespace Cj.Runner.Schema;

/// <summary>JSON value helpers for the validator: type names, number comparison, code-point length, short renderings.</summary>
internal static class JsonValues
{
    private const int MaxRendered = 40;

    public static string TypeName(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "null",
    };

    /// <summary>True for a number with no fractional part (<c>3</c> and <c>3.0</c> both are), as JSON Schema defines integer.</summary>
    public static bool IsInteger(JsonElement number) =>
        number.TryGetDecimal(out var exact) ? decimal.IsInteger(exact) : double.IsInteger(ToDouble(number));

    /// <summary>Compares two JSON numbers exactly when both fit a decimal, else as doubles.</summary>
    public static int Compare(JsonElement left, JsonElement right) =>
        left.TryGetDecimal(out var a) && right.TryGetDecimal(out var b) ? a.CompareTo(b) : ToDouble(left).CompareTo(ToDouble(right));

    public static int CodePoints(string text)
    {
        var count = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            count++;
        }

        return count;
    }

    /// <summary>The value's JSON text, shortened for messages.</summary>
    public static string Render(JsonElement value)
    {
        var text = value.GetRawText();
        return text.Length <= MaxRendered ? text : string.Concat(text.AsSpan(0, MaxRendered), "…");
    }

    public static string Count(long n, string one, string? many = null) =>
        string.Create(CultureInfo.InvariantCulture, $"{n} {(n == 1 ? one : many ?? one + "s")}");

    /// <summary>"a", "a or b", "a, b or c".</summary>
    public static string OrList(IReadOnlyList<string> items) =>
        items.Count == 1 ? items[0] : $"{string.Join(", ", items.Take(items.Count - 1))} or {items[^1]}";

    private static double ToDouble(JsonElement number) =>
        number.TryGetDouble(out var value) ? value
        : number.GetRawText().StartsWith('-') ? double.NegativeInfinity : double.PositiveInfinity;
}
