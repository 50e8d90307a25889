using Cj.Hosting.Metrics;

namespace Cj.Hosting.Tests.Metrics;

public sealed class MetricsRegistryTests
{
    [Fact]
    public void Counters_render_with_help_and_type_sorted_by_name_and_labels()
    {
        var metrics = new MetricsRegistry();
        metrics.Increment("llm_requests_total", "LLM requests by status.", 1, ("status", "success"));
        metrics.Increment("cj_llm_requests_total", "Comparison requests sent.", 2, ("batching_mode", "per_request"));
        metrics.Increment("llm_requests_total", "ignored: the first help text stays", 3, ("status", "error"));

        Assert.Equal(
            """
            # HELP cj_llm_requests_total Comparison requests sent.
            # TYPE cj_llm_requests_total counter
            cj_llm_requests_total{batching_mode="per_request"} 2
            # HELP llm_requests_total LLM requests by status.
            # TYPE llm_requests_total counter
            llm_requests_total{status="error"} 3
            llm_requests_total{status="success"} 1

            """,
            metrics.RenderPrometheus());
    }

    [Fact]
    public void Label_values_and_help_are_escaped_and_label_order_does_not_matter()
    {
        var metrics = new MetricsRegistry();
        metrics.Increment("odd_total", "A \\ help\nline.", 1, ("b", "quote \" slash \\ newline \n"), ("a", "x"));
        metrics.Increment("odd_total", "A \\ help\nline.", 1, ("a", "x"), ("b", "quote \" slash \\ newline \n"));

        var text = metrics.RenderPrometheus();

        Assert.Contains("# HELP odd_total A \\\\ help\\nline.\n", text, StringComparison.Ordinal);
        Assert.Contains("odd_total{a=\"x\",b=\"quote \\\" slash \\\\ newline \\n\"} 2\n", text, StringComparison.Ordinal);
        Assert.Equal(2, metrics.CounterValue("odd_total", ("b", "quote \" slash \\ newline \n"), ("a", "x")));
        Assert.Single(PrometheusParser.Samples(text));
    }

    [Fact]
    public void Histograms_render_cumulative_buckets_up_to_60_seconds_then_inf_sum_and_count()
    {
        var metrics = new MetricsRegistry();
        foreach (var seconds in new[] { 0.003, 0.2, 0.2, 7, 120 })
        {
            metrics.Observe("llm_provider_queue_wait_time_seconds", "Queue wait.", seconds, ("result", "ok"));
        }

        var samples = PrometheusParser.Samples(metrics.RenderPrometheus());

        const string Bucket = "llm_provider_queue_wait_time_seconds_bucket{result=\"ok\",le=\"{0}\"}";
        Assert.Equal(1, samples[Bucket.Replace("{0}", "0.005", StringComparison.Ordinal)]);
        Assert.Equal(1, samples[Bucket.Replace("{0}", "0.1", StringComparison.Ordinal)]);
        Assert.Equal(3, samples[Bucket.Replace("{0}", "0.25", StringComparison.Ordinal)]);
        Assert.Equal(4, samples[Bucket.Replace("{0}", "10", StringComparison.Ordinal)]);
        Assert.Equal(4, samples[Bucket.Replace("{0}", "60", StringComparison.Ordinal)]);
        Assert.Equal(5, samples[Bucket.Replace("{0}", "+Inf", StringComparison.Ordinal)]);
        Assert.Equal(127.403, samples["llm_provider_queue_wait_time_seconds_sum{result=\"ok\"}"], 9);
        Assert.Equal(5, samples["llm_provider_queue_wait_time_seconds_count{result=\"ok\"}"]);
        Assert.Equal(5, metrics.CounterValue("llm_provider_queue_wait_time_seconds", ("result", "ok")));
        Assert.Equal(16, samples.Count);
    }

    [Fact]
    public void Concurrent_increments_are_all_counted()
    {
        var metrics = new MetricsRegistry();

        Parallel.For(0, 20_000, i => metrics.Increment("hits_total", "Hits.", 1, ("worker", (i % 4).ToString(System.Globalization.CultureInfo.InvariantCulture))));

        Assert.Equal(20_000, Enumerable.Range(0, 4).Sum(w => metrics.CounterValue("hits_total", ("worker", w.ToString(System.Globalization.CultureInfo.InvariantCulture)))));
        Assert.Equal(0, metrics.CounterValue("hits_total", ("worker", "9")));
        Assert.Equal(0, metrics.CounterValue("never_used_total"));
    }

    [Fact]
    public void A_bad_name_a_negative_increment_or_a_changed_type_is_refused()
    {
        var metrics = new MetricsRegistry();
        metrics.Increment("ok_total", "Fine.");

        Assert.Throws<ArgumentException>(() => metrics.Increment("9lives", "Bad name."));
        Assert.Throws<ArgumentException>(() => metrics.Increment("ok_total", "Bad label.", 1, ("bad-label", "x")));
        Assert.Throws<ArgumentException>(() => metrics.Increment("ok_total", "Twice.", 1, ("a", "x"), ("a", "y")));
        Assert.Throws<ArgumentOutOfRangeException>(() => metrics.Increment("ok_total", "Down.", -1));
        Assert.Throws<InvalidOperationException>(() => metrics.Observe("ok_total", "Now a histogram.", 1));
    }
}
