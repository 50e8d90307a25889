using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cj.Contracts;
using Cj.Hosting.Json;
using Cj.LlmProvider.Tests.Support;

namespace Cj.LlmProvider.Tests.Service;

/// <summary><c>POST /api/v1/comparisons</c> (ADR 0008): each request gets exactly what the single route would answer.</summary>
public sealed class BatchAdmissionTests
{
    private static async Task<(HttpStatusCode Status, string Text)> PostBatchAsync(TestService service, object body)
    {
        using var content = new StringContent(JsonSerializer.Serialize(body, WireJson.Options), System.Text.Encoding.UTF8, "application/json");
        using var response = await service.Http.PostAsync("/api/v1/comparisons", content);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static LlmComparisonBatchResponse Read(string text) => JsonSerializer.Deserialize<LlmComparisonBatchResponse>(text, WireJson.Options)!;

    [Fact]
    public async Task Each_request_of_a_batch_gets_its_own_outcome_in_order_and_the_accepted_ones_each_get_one_callback()
    {
        await using var service = await TestService.StartAsync();
        var earlier = await service.AcceptAsync(Requests.Body("batch:dup"));
        var conflicting = Requests.Body("batch:dup", essayA: "A different first essay, so a different prompt hash.");
        var invalid = Requests.Body("batch:bad");
        invalid.Remove("callback_topic");
        var body = new
        {
            requests = new object[] { Requests.Body("batch:1"), invalid, Requests.Body("batch:dup"), conflicting, Requests.Body("batch:2", essayA: "Another essay.") },
        };

        var (status, text) = await PostBatchAsync(service, body);

        Assert.True(status == HttpStatusCode.OK, text);
        var items = Read(text).Results;
        Assert.Equal(["batch:1", "batch:bad", "batch:dup", "batch:dup", "batch:2"], items.Select(i => i.CorrelationId));
        Assert.Equal([202, 400, 202, 409, 202], items.Select(i => i.Status));
        Assert.Equal("invalid_body", items[1].Problem!.Code);
        Assert.Equal("batch:bad", items[1].Problem!.CorrelationId);
        Assert.True(items[2].Accepted!.Duplicate);
        Assert.Equal(earlier.QueueId, items[2].Accepted!.QueueId);
        Assert.Equal("correlation_id_conflict", items[3].Problem!.Code);
        Assert.False(items[0].Accepted!.Duplicate);
        Assert.NotEqual(items[0].Accepted!.QueueId, items[4].Accepted!.QueueId);

        var callbacks = await service.CallbacksAsync(3);
        Assert.Equal(["batch:1", "batch:2", "batch:dup"], callbacks.Select(c => c.Data.CorrelationId).Order(StringComparer.Ordinal));
        Assert.All(callbacks, c => ServiceExtensions.AssertInvariant(c.Data));
        Assert.Equal(3, await service.MetricAsync("llm_requests_total{status=\"queued\"}"));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("{\"requests\": {}}")]
    [InlineData("{\"requests\": []}")]
    [InlineData("not json")]
    public async Task A_body_that_is_not_an_object_with_a_requests_array_is_refused_whole(string body)
    {
        await using var service = await TestService.StartAsync();
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await service.Http.PostAsync("/api/v1/comparisons", content);
        var problem = await response.Content.ReadFromJsonAsync<Problem>(WireJson.Options);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_body", problem!.Code);
    }

    [Fact]
    public async Task More_than_500_requests_are_refused_and_none_is_admitted()
    {
        await using var service = await TestService.StartAsync();
        var body = new { requests = Enumerable.Range(0, 501).Select(i => Requests.Body($"many:{i}", essayA: $"Essay {i}.")).ToArray() };

        var (status, text) = await PostBatchAsync(service, body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("501", text, StringComparison.Ordinal);
        Assert.Equal(0, service.Internals().Store.Depth());
    }

    [Fact]
    public async Task A_full_queue_refuses_the_requests_beyond_it_with_503_and_a_retry_after()
    {
        await using var service = await TestService.StartAsync(o => o with { MaxConcurrency = 1, MockLatencyMs = 100_000, QueueMaxSize = 2, QueueHighWatermark = 1.0 });
        var body = new { requests = Enumerable.Range(0, 4).Select(i => Requests.Body($"full:{i}", essayA: $"Essay {i}.")).ToArray() };

        var (status, text) = await PostBatchAsync(service, body);

        Assert.Equal(HttpStatusCode.OK, status);
        var items = Read(text).Results;
        Assert.Equal([202, 202, 503, 503], items.Select(i => i.Status));
        Assert.All(items.Skip(2), i => Assert.Equal("queue_full", i.Problem!.Code));
        Assert.All(items.Skip(2), i => Assert.InRange(i.RetryAfterSeconds!.Value, 1, 60));
    }

    [Fact]
    public async Task The_batch_route_requires_the_bearer_token_like_every_api_route()
    {
        await using var service = await TestService.StartAsync(o => o with { ApiToken = "batch-route-token-0123456789" });
        service.Http.DefaultRequestHeaders.Authorization = null;

        var (status, _) = await PostBatchAsync(service, new { requests = new[] { Requests.Body("auth:1") } });

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal(0, service.Internals().Store.Depth());
    }
}
