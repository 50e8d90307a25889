using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cj.LlmProvider.Prompting;

/// <summary>
/// RFC 8785-style canonical JSON: object keys in ordinal (UTF-16 code unit) order, no whitespace, shortest
/// round-trip numbers in ECMAScript form, and minimal string escaping (only <c>"</c>, <c>\</c> and control
/// characters). Equal values give equal bytes, which is what <see cref="PromptHash"/> needs.
/// </summary>
internal static class CanonicalJson
{
    /// <summary>The characters <see cref="WriteString"/> escapes: <c>"</c>, <c>\</c> and the control characters.</summary>
    private static readonly System.Buffers.SearchValues<char> Escaped = System.Buffers.SearchValues.Create(
        "\"\\\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000b\f\r\u000e\u000f\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f");

    public static string Serialize(JsonNode? node)
    {
        var builder = new StringBuilder();
        Write(builder, node);
        return builder.ToString();
    }

    private static void Write(StringBuilder builder, JsonNode? node)
    {
        switch (node)
        {
            case null:
                builder.Append("null");
                break;
            case JsonObject obj:
                WriteObject(builder, obj);
                break;
            case JsonArray array:
                builder.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(',');
                    }

                    Write(builder, array[i]);
                }

                builder.Append(']');
                break;
            default:
                WriteValue(builder, node.AsValue());
                break;
        }
    }

    private static void WriteObject(StringBuilder builder, JsonObject obj)
    {
        builder.Append('{');
        var first = true;
        foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!first)
            {
                builder.Append(',');
            }

            first = false;
            WriteString(builder, key);
            builder.Append(':');
            Write(builder, value);
        }

        builder.Append('}');
    }

    private static void WriteValue(StringBuilder builder, JsonValue value)
    {
        // The common scalars directly; anything else (a wrapped element, an unusual CLR type) through its JSON form.
        if (value.TryGetValue<string>(out var text))
        {
            WriteString(builder, text);
            return;
        }

        if (value.TryGetValue<bool>(out var flag))
        {
            builder.Append(flag ? "true" : "false");
            return;
        }

        if (value.TryGetValue<double>(out var number))
        {
            builder.Append(FormatNumber(number));
            return;
        }

        if (value.TryGetValue<int>(out var integer))
        {
            builder.Append(FormatNumber(integer));
            return;
        }

        var element = JsonSerializer.SerializeToElement(value);
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                WriteString(builder, element.GetString()!);
                break;
            case JsonValueKind.Number:
                builder.Append(FormatNumber(element.GetDouble()));
                break;
            case JsonValueKind.True:
                builder.Append("true");
                break;
            case JsonValueKind.False:
                builder.Append("false");
                break;
            default:
                builder.Append("null");
                break;
        }
    }

    /// <summary>ECMAScript Number-to-String: integers without a fraction, otherwise the shortest round-trip form.</summary>
    internal static string FormatNumber(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), "JSON has no NaN or infinity");
        }

        if (value == Math.Floor(value) && Math.Abs(value) < 1e21)
        {
            return value == 0 ? "0" : value.ToString("F0", CultureInfo.InvariantCulture);
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var e = text.IndexOf('E', StringComparison.Ordinal);
        if (e < 0)
        {
            return text;
        }

        var exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var sign = exponent < 0 ? "-" : "+";
        return string.Concat(text.AsSpan(0, e), "e", sign, Math.Abs(exponent).ToString(CultureInfo.InvariantCulture));
    }

    internal static void WriteString(StringBuilder builder, string text)
    {
        builder.Append('"');
        var rest = text.AsSpan();
        while (rest.Length > 0)
        {
            // Copy the run up to the next character that needs escaping in one append.
            var next = rest.IndexOfAny(Escaped);
            if (next < 0)
            {
                builder.Append(rest);
                break;
            }

            builder.Append(rest[..next]);
            Escape(builder, rest[next]);
            rest = rest[(next + 1)..];
        }

        builder.Append('"');
    }

    private static void Escape(StringBuilder builder, char c)
    {
        switch (c)
        {
            case '"': builder.Append("\\\""); break;
            case '\\': builder.Append("\\\\"); break;
            case '\b': builder.Append("\\b"); break;
            case '\f': builder.Append("\\f"); break;
            case '\n': builder.Append("\\n"); break;
            case '\r': builder.Append("\\r"); break;
            case '\t': builder.Append("\\t"); break;
            case < ' ':
                builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                break;
            default: builder.Append(c); break;
        }
    }
}
