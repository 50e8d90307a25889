using System.Net;
using System.Text.Json;
using Cj.Contracts;
using Cj.LlmProvider.Tests.Support;

namespace Cj.LlmProvider.Tests.Service;

public sealed class ComparisonFlowTests
{
    [Fact]
    public async Task A_post_is_accepted_and_yields_exactly_one_callback_with_hash_tokens_and_echoed_metadata()
    {
        await using var service = await TestService.StartAsync();

        using var response = await service.PostAsync(Requests.Body("batch:000001:1"));
        var accepted = JsonSerializer.Deserialize<LlmComparisonAccepted>(await response.Content.ReadAsStringAsync(), Cj.Hosting.Json.WireJson.Options)!;
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal($"/api/v1/status/{accepted.QueueId}", response.Headers.Location!.ToString());
        Assert.False(accepted.Duplicate);
        Assert.True(response.Headers.Contains("X-Correlation-ID"));

        await service.WaitForStatusAsync(accepted.QueueId, "completed");
        await Wait.UntilAsync(() => service.Internals().Store.Status(accepted.QueueId)!.CallbackPublished, "the callback to be published");
        var callback = Assert.Single(service.Callbacks);
        var result = callback.Data;
        Assert.Equal((Topics.ComparisonResult, "llm_provider_service", "batch:000001:1", Requests.BatchId), (callback.EventType, callback.SourceService, callback.CorrelationId, callback.BatchId));
        Assert.Equal(accepted.QueueId, result.RequestId);
        ServiceExtensions.AssertInvariant(result);
        Assert.Null(result.ErrorDetail);
        Assert.True(result.TokenUsage.PromptTokens > 0 && result.TokenUsage.CompletionTokens > 0);
        Assert.Equal(result.TokenUsage.PromptTokens + result.TokenUsage.CompletionTokens, result.TokenUsage.TotalTokens);
        Assert.Equal(0m, result.CostEstimate);
        Assert.Equal(("mock", "mock-judge-1"), (result.Provider, result.Model));
        var metadata = result.RequestMetadata.ToDictionary(p => p.Key, p => p.Value?.ToString());
        Assert.Equal("student-0001", metadata["essay_a_id"]);
        Assert.Equal("cj_comparison", metadata["cj_request_type"]);
        Assert.Equal(Requests.BatchId.ToString(), metadata["bos_batch_id"]);
        Assert.Equal(("mock", "mock-judge-1", "per_request", "1", "offline"), (metadata["resolved_provider"], metadata["resolved_model"], metadata["queue_processing_mode"], metadata["attempts"], metadata["cost_status"]));
        var status = await service.StatusAsync(accepted.QueueId);
        Assert.Equal(metadata["prompt_sha256"], status.GetProperty("prompt_sha256").GetString());
    }

    [Fact]
    public async Task The_results_endpoint_returns_the_data_exactly_as_published()
    {
        await using var service = await TestService.StartAsync();
        var accepted = await service.AcceptAsync(Requests.Body("batch:000002:1"));
        await service.CallbacksAsync(1);

        var published = service.Bus.Snapshot(Topics.ComparisonResult).Single();
        using var envelope = JsonDocument.Parse(published.Value);
        var body = await service.Http.GetStringAsync($"/api/v1/results/{accepted.QueueId}");

        Assert.Equal(envelope.RootElement.GetProperty("data").GetRawText(), body);
        Assert.Equal(accepted.QueueId, published.Headers["correlation_id"] == "batch:000002:1" ? envelope.RootElement.GetProperty("data").GetProperty("request_id").GetString() : null);
        Assert.Equal(Requests.BatchId.ToString(), published.Key);
    }

    [Fact]
    public async Task A_repeated_correlation_id_with_the_same_prompt_is_a_duplicate_and_makes_no_second_call()
    {
        await using var service = await TestService.StartAsync();
        var first = await service.AcceptAsync(Requests.Body("batch:000003:1"));
        await service.CallbacksAsync(1);

        var again = await service.AcceptAsync(Requests.Body("batch:000003:1"));

        Assert.True(again.Duplicate);
        Assert.Equal(first.QueueId, again.QueueId);
        Assert.Single(service.Callbacks);
        Assert.Equal(1, await service.MetricAsync("llm_provider_requests_total{model=\"mock-judge-1\",provider=\"mock\",request_type=\"comparison\",status=\"success\"}"));
        Assert.Equal(1, await service.MetricAsync("llm_requests_total{status=\"queued\"}"));
    }

    [Fact]
    public async Task A_repeated_correlation_id_with_another_prompt_is_a_409_conflict()
    {
        await using var service = await TestService.StartAsync();
        await service.AcceptAsync(Requests.Body("batch:000004:1"));

        var (status, problem, _) = await service.PostForProblemAsync(Requests.Body("batch:000004:1", essayA: "A different first essay."));

        Assert.Equal(409, status);
        Assert.Equal("correlation_id_conflict", problem!.Code);
    }

    [Fact]
    public async Task Two_service_instances_give_the_same_verdict_for_the_same_request()
    {
        var results = new List<LlmComparisonResultV1>();
        for (var i = 0; i < 2; i++)
        {
            await using var service = await TestService.StartAsync();
            await service.AcceptAsync(Requests.Body("batch:000005:1"));
            results.Add((await service.CallbacksAsync(1))[0].Data);
        }

        Assert.Equal(results[0].Winner, results[1].Winner);
        Assert.Equal(results[0].Confidence, results[1].Confidence);
        Assert.Equal(results[0].RequestMetadata["prompt_sha256"]?.ToString(), results[1].RequestMetadata["prompt_sha256"]?.ToString());
    }

    [Fact]
    public async Task Metadata_correlation_id_and_priority_do_not_change_the_hash_but_temperature_zero_does()
    {
        await using var service = await TestService.StartAsync();
        var plain = await service.AcceptAsync(Requests.Body("h:1"));
        var other = Requests.Body("h:2", priority: 9);
        ((Dictionary<string, object?>)other["metadata"]!)["comparison_iteration"] = 3;
        var renamed = await service.AcceptAsync(other);
        var zero = await service.AcceptAsync(Requests.Body("h:3", overrides: new { temperature_override = 0.0 }));
        var unset = await service.AcceptAsync(Requests.Body("h:4", overrides: new { temperature_override = (double?)null }));

        string Hash(LlmComparisonAccepted a) => service.Internals().Store.Status(a.QueueId)!.PromptSha256;
        Assert.Equal(Hash(plain), Hash(renamed));
        Assert.Equal(Hash(plain), Hash(unset));
        Assert.NotEqual(Hash(plain), Hash(zero));
    }

    [Fact]
    public async Task Status_and_results_of_an_unknown_queue_id_are_404()
    {
        await using var service = await TestService.StartAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await service.Http.GetAsync("/api/v1/status/nope")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await service.Http.GetAsync("/api/v1/results/nope")).StatusCode);
    }
}
