using System.Globalization;
using System.Text;

namespace Cj.Hosting.Metrics;

/// <summary>Names, escaping and numbers of the Prometheus text exposition format 0.0.4.</summary>
internal static class PrometheusText
{
    public static void CheckMetricName(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!IsName(name, allowColon: true))
        {
            throw new ArgumentException($"'{name}' is not a Prometheus metric name ([a-zA-Z_:][a-zA-Z0-9_:]*)", nameof(name));
        }
    }

    /// <summary>The labels sorted by name and validated; throws on a bad or repeated label name.</summary>
    public static (string Key, string Value)[] Canonical((string Key, string Value)[] labels, MetricKind kind)
    {
        var sorted = (labels ?? []).OrderBy(label => label.Key, StringComparer.Ordinal).ToArray();
        for (var i = 0; i < sorted.Length; i++)
        {
            var key = sorted[i].Key;
            if (key is null || !IsName(key, allowColon: false) || key.StartsWith("__", StringComparison.Ordinal)
                || (kind == MetricKind.Histogram && key == "le") || (i > 0 && key == sorted[i - 1].Key))
            {
                throw new ArgumentException($"'{key}' is not a valid or is a repeated label name", nameof(labels));
            }

            ArgumentNullException.ThrowIfNull(sorted[i].Value, nameof(labels));
        }

        return sorted;
    }

    /// <summary><c>{a="x",b="y"}</c> with escaped values, or empty for no labels.</summary>
    public static string LabelSet(IEnumerable<(string Key, string Value)> labels)
    {
        var text = string.Join(",", labels.Select(label => $"{label.Key}=\"{EscapeLabelValue(label.Value)}\""));
        return text.Length == 0 ? string.Empty : "{" + text + "}";
    }

    public static string EscapeHelp(string help) =>
        help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    public static string EscapeLabelValue(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal);

    public static string Number(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        double.NaN => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    public static void Header(StringBuilder text, string name, string help, MetricKind kind) =>
        text.Append("# HELP ").Append(name).Append(' ').Append(EscapeHelp(help)).Append('\n')
            .Append("# TYPE ").Append(name).Append(' ').Append(kind.ToString().ToLowerInvariant()).Append('\n');

    private static bool IsName(string name, bool allowColon) =>
        name.Length > 0 && !char.IsAsciiDigit(name[0])
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_' || (allowColon && c == ':'));
}
