using Cj.LlmProvider.Tests.Support;

namespace Cj.LlmProvider.Tests.Service;

public sealed class MetricsTests
{
    [Fact]
    public async Task A_run_is_visible_in_the_design_metric_names_without_id_labels()
    {
        await using var service = await TestService.StartAsync(o => o with { MockErrorRate = 0.4, MaxAttempts = 8 });
        for (var i = 0; i < 6; i++)
        {
            await service.AcceptAsync(Requests.Body($"m:{i}", essayA: $"Essay {i}."));
        }

        await service.CallbacksAsync(6);
        await Wait.UntilAsync(() => service.Internals().Store.Depth() == 0, "an empty queue");
        var metrics = await service.MetricsAsync();

        foreach (var name in new[]
        {
            "llm_requests_total", "llm_provider_requests_total", "llm_provider_errors_total", "llm_provider_retries_total",
            "llm_provider_response_duration_seconds", "llm_provider_tokens_used_total", "llm_provider_cost_dollars_total",
            "llm_provider_queue_wait_time_seconds", "llm_provider_queue_depth",
        })
        {
            Assert.Contains($"# TYPE {name} ", metrics, StringComparison.Ordinal);
        }

        Assert.Equal(6, await service.MetricAsync("llm_requests_total{status=\"queued\"}"));
        Assert.Equal(6, await service.MetricAsync("llm_requests_total{status=\"completed\"}"));
        Assert.Equal(6, await service.MetricAsync("llm_provider_queue_wait_time_seconds_count{queue_processing_mode=\"per_request\",result=\"completed\"}"));
        Assert.DoesNotContain("queue_id", metrics, StringComparison.Ordinal);
        Assert.DoesNotContain("m:0", metrics, StringComparison.Ordinal);
    }
}
