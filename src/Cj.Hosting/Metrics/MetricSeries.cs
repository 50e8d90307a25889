using System.Text;

namespace Cj.Hosting.Metrics;

/// <summary>One labelled time series of a metric: a value (counter, gauge) or bucket counts, sum and count (histogram).</summary>
internal sealed class MetricSeries((string Key, string Value)[] labels, int bucketCount)
{
    private readonly Lock gate = new();
    private readonly long[] buckets = new long[bucketCount];
    private double value;
    private long count;

    public void Add(double amount)
    {
        lock (gate)
        {
            value += amount;
        }
    }

    public void Set(double amount)
    {
        lock (gate)
        {
            value = amount;
        }
    }

    public void Observe(double observation, IReadOnlyList<double> bounds)
    {
        lock (gate)
        {
            for (var i = 0; i < bounds.Count; i++)
            {
                if (observation <= bounds[i])
                {
                    buckets[i]++;
                    break;
                }
            }

            value += observation;
            count++;
        }
    }

    /// <summary>The counter or gauge value; for a histogram, the number of observations.</summary>
    public double Read(MetricKind kind)
    {
        lock (gate)
        {
            return kind == MetricKind.Histogram ? count : value;
        }
    }

    public void Render(StringBuilder text, string name, MetricKind kind, IReadOnlyList<double> bounds)
    {
        lock (gate)
        {
            if (kind != MetricKind.Histogram)
            {
                Line(text, name, PrometheusText.LabelSet(labels), value);
                return;
            }

            long cumulative = 0;
            for (var i = 0; i < bounds.Count; i++)
            {
                cumulative += buckets[i];
                Line(text, name + "_bucket", PrometheusText.LabelSet([.. labels, ("le", PrometheusText.Number(bounds[i]))]), cumulative);
            }

            Line(text, name + "_bucket", PrometheusText.LabelSet([.. labels, ("le", "+Inf")]), count);
            Line(text, name + "_sum", PrometheusText.LabelSet(labels), value);
            Line(text, name + "_count", PrometheusText.LabelSet(labels), count);
        }
    }

    private static void Line(StringBuilder text, string name, string labelSet, double sample) =>
        text.Append(name).Append(labelSet).Append(' ').Append(PrometheusText.Number(sample)).Append('\n');
}
