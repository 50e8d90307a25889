using System.Collections.Concurrent;
using System.Text;

namespace Cj.Hosting.Metrics;

/// <summary>
/// A thread-safe registry of counters, gauges and histograms with labels, rendered in the Prometheus text
/// exposition format 0.0.4 for <c>/metrics</c>. A metric is created by its first use; its name keeps the type and
/// help text of that first use. Label order does not matter: <c>(a, b)</c> and <c>(b, a)</c> are the same series.
/// </summary>
public sealed class MetricsRegistry
{
    private readonly ConcurrentDictionary<string, MetricFamily> families = new(StringComparer.Ordinal);

    /// <summary>Histogram bucket upper bounds in seconds: 0.005 … 60 (Prometheus defaults extended to a minute).</summary>
    public static IReadOnlyList<double> Buckets { get; } = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    /// <summary>Adds <paramref name="by"/> (≥ 0, default 1) to the counter <paramref name="name"/> (by convention ending <c>_total</c>).</summary>
    public void Increment(string name, string help, double by = 1, params (string Key, string Value)[] labels)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(by);
        Family(name, help, MetricKind.Counter).Series(labels, 0).Add(by);
    }

    /// <summary>Sets the gauge <paramref name="name"/> to <paramref name="value"/>.</summary>
    public void Set(string name, string help, double value, params (string Key, string Value)[] labels) =>
        Family(name, help, MetricKind.Gauge).Series(labels, 0).Set(value);

    /// <summary>Records <paramref name="value"/> (seconds, or any unit the name states) in the histogram <paramref name="name"/>.</summary>
    public void Observe(string name, string help, double value, params (string Key, string Value)[] labels) =>
        Family(name, help, MetricKind.Histogram).Series(labels, Buckets.Count).Observe(value, Buckets);

    /// <summary>
    /// The current value of a counter or gauge series, truncated to an integer (for a histogram: its observation
    /// count); 0 when the series does not exist.
    /// </summary>
    public long CounterValue(string name, params (string Key, string Value)[] labels) =>
        families.TryGetValue(name, out var family) && family.Find(labels) is { } series ? (long)series.Read(family.Kind) : 0;

    /// <summary>Every metric as Prometheus text (<c># HELP</c>, <c># TYPE</c>, samples), sorted by name and labels.</summary>
    public string RenderPrometheus()
    {
        var text = new StringBuilder();
        foreach (var family in families.Values.OrderBy(family => family.Name, StringComparer.Ordinal))
        {
            family.Render(text, Buckets);
        }

        return text.ToString();
    }

    private MetricFamily Family(string name, string help, MetricKind kind)
    {
        ArgumentNullException.ThrowIfNull(help);
        if (!families.TryGetValue(name ?? throw new ArgumentNullException(nameof(name)), out var family))
        {
            PrometheusText.CheckMetricName(name);
            family = families.GetOrAdd(name, _ => new MetricFamily(name, help, kind));
        }

        return family.Kind == kind
            ? family
            : throw new InvalidOperationException($"metric '{name}' is a {family.Kind}, not a {kind}");
    }
}
