using Cj.Hosting.Metrics;

namespace Cj.Assessment;

/// <summary>The service's Prometheus metrics (names from the runbook and <c>50-operations.md</c>).</summary>
internal sealed class AssessmentMetrics(MetricsRegistry registry)
{
    public void BatchStarted(string batchingMode) =>
        registry.Increment("cj_llm_batches_started_total", "Batches started, by LLM batching mode.", 1, ("batching_mode", batchingMode));

    public void LlmRequestSent(string batchingMode) =>
        registry.Increment("cj_llm_requests_total", "Comparison requests accepted by the LLM Provider Service, by batching mode.", 1, ("batching_mode", batchingMode));

    public void ComparisonSettled(string outcome) =>
        registry.Increment("cj_comparisons_total", "Comparison results received, by outcome.", 1, ("outcome", outcome));

    public void BatchEnded(string state, string reason) =>
        registry.Increment("cj_batches_total", "Batches ended, by state and reason.", 1, ("state", state), ("reason", reason));

    public void InvalidMessage(string topic) =>
        registry.Increment("cj_assessment_service_invalid_messages_total", "Messages that could not be read, by topic.", 1, ("topic", topic));

    public void PromptFetchFailed() =>
        registry.Increment("huleedu_cj_prompt_fetch_failures_total", "Student prompts that could not be read from the content store.");
}
