using System.Globalization;
using System.Text.RegularExpressions;

namespace Cj.Hosting.Tests.Metrics;

/// <summary>A strict reader of the text exposition format 0.0.4, enough to check what the registry writes.</summary>
internal static partial class PrometheusParser
{
    /// <summary>Every sample as <c>name{labels}</c> → value; fails on a line that is not HELP, TYPE or a sample.</summary>
    public static Dictionary<string, double> Samples(string text)
    {
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        var samples = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in text.TrimEnd('\n').Split('\n'))
        {
            if (line.StartsWith("# HELP ", StringComparison.Ordinal) || line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                Assert.Matches(CommentLine(), line);
                continue;
            }

            var match = SampleLine().Match(line);
            Assert.True(match.Success, $"not a sample line: {line}");
            var value = match.Groups["value"].Value switch
            {
                "+Inf" => double.PositiveInfinity,
                var number => double.Parse(number, CultureInfo.InvariantCulture),
            };
            Assert.True(samples.TryAdd(match.Groups["series"].Value, value), $"duplicate series: {line}");
        }

        return samples;
    }

    [GeneratedRegex("""^# (HELP [a-zA-Z_:][a-zA-Z0-9_:]* .*|TYPE [a-zA-Z_:][a-zA-Z0-9_:]* (counter|gauge|histogram))$""")]
    private static partial Regex CommentLine();

    [GeneratedRegex("""^(?<series>[a-zA-Z_:][a-zA-Z0-9_:]*(\{[a-zA-Z_][a-zA-Z0-9_]*="([^"\\\n]|\\["\\n])*"(,[a-zA-Z_][a-zA-Z0-9_]*="([^"\\\n]|\\["\\n])*")*\})?) (?<value>\S+)$""")]
    private static partial Regex SampleLine();
}
