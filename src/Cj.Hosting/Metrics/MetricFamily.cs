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

    /// <summary>
    /// The series by its labels as the caller gave them (in their order): a hot path counts every comparison, and
    /// sorting and validating its labels each time cost more than the count.
    /// </summary>
    private readonly ConcurrentDictionary<string, MetricSeries> given = new(StringComparer.Ordinal);

    public string Name => name;

    public MetricKind Kind => kind;

    public MetricSeries Series((string Key, string Value)[] labels, int bucketCount)
    {
        var key = GivenKey(labels);
        if (given.TryGetValue(key, out var found))
        {
            return found;
        }

        var canonical = PrometheusText.Canonical(labels, kind);
        var added = series.GetOrAdd(PrometheusText.LabelSet(canonical), _ => new MetricSeries(canonical, bucketCount));
        given.TryAdd(key, added);
        return added;
    }

    public MetricSeries? Find((string Key, string Value)[] labels) =>
        series.GetValueOrDefault(PrometheusText.LabelSet(PrometheusText.Canonical(labels, kind)));

    /// <summary>An unambiguous key of the labels in the given order (each part prefixed by its length).</summary>
    private static string GivenKey((string Key, string Value)[] labels)
    {
        if (labels is null || labels.Length == 0)
        {
            return "";
        }

        var key = new StringBuilder();
        foreach (var (name, value) in labels)
        {
            key.Append(name?.Length ?? -1).Append(':').Append(name).Append(value?.Length ?? -1).Append(':').Append(value);
        }

        return key.ToString();
    }

    public void Render(StringBuilder text, IReadOnlyList<double> bounds)
    {
        PrometheusText.Header(text, name, help, kind);
        foreach (var entry in series.OrderBy(entry => entry.Key, StringComparer.Ordinal))
        {
            entry.Value.Render(text, name, kind, bounds);
        }
    }
}
