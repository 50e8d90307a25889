using System.Collections.Concurrent;
using System.Text;

namespace Cj.Hosting.Metrics;

/// <summary>The Prometheus metric types the registry exposes (the <c># TYPE</c> line).</summary>
internal enum MetricKind
{
    Counter,
    Gauge,
    Histogram,
}

/// <summary>All series of one metric name, with its help text and type.</summary>
internal sealed class MetricFamily(string name, string help, MetricKind kind)
{
    private readonly ConcurrentDictionary<string, MetricSeries> series = new(StringComparer.Ordinal);

    public string Name => name;

    public MetricKind Kind => kind;

    public MetricSeries Series((string Key, string Value)[] labels, int bucketCount)
    {
        var canonical = PrometheusText.Canonical(labels, kind);
        return series.GetOrAdd(PrometheusText.LabelSet(canonical), _ => new MetricSeries(canonical, bucketCount));
    }

    public MetricSeries? Find((string Key, string Value)[] labels) =>
        series.GetValueOrDefault(PrometheusText.LabelSet(PrometheusText.Canonical(labels, kind)));

    public void Render(StringBuilder text, IReadOnlyList<double> bounds)
    {
        PrometheusText.Header(text, name, help, kind);
        foreach (var entry in series.OrderBy(entry => entry.Key, StringComparer.Ordinal))
        {
            entry.Value.Render(text, name, kind, bounds);
        }
    }
}
