using Cj.Contracts;
using Cj.LlmProvider.Tests.Support;

namespace Cj.LlmProvider.Tests.Service;

public sealed class RetryTests
{
    private static async Task<IReadOnlyList<LlmComparisonResultV1>> RunAsync(TestService service, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await service.AcceptAsync(Requests.Body($"r:{i:D3}", essayA: $"First essay, version {i}."));
        }

        var callbacks = await service.CallbacksAsync(count);
        await Wait.UntilAsync(() => service.Internals().Store.Depth() == 0, "an empty queue");
        Assert.Equal(count, service.Callbacks.Count);
        Assert.Equal(count, callbacks.Select(c => c.Data.RequestId).Distinct().Count());
        return [.. callbacks.Select(c => c.Data)];
    }

    private static int Attempts(LlmComparisonResultV1 r) => int.Parse(r.RequestMetadata["attempts"]!.ToString()!, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task With_thirty_percent_transient_errors_every_request_succeeds_after_retries_that_are_recorded()
    {
        await using var service = await TestService.StartAsync(o => o with { MockErrorRate = 0.3, MaxAttempts = 8 });

        var results = await RunAsync(service, 40);

        Assert.All(results, ServiceExtensions.AssertInvariant);
        Assert.All(results, r => Assert.Null(r.ErrorDetail));
        Assert.Contains(results, r => Attempts(r) > 1);
        var retried = results.Sum(r => Attempts(r) - 1);
        Assert.InRange(retried, 5, 40);
        var metrics = await service.MetricsAsync();
        Assert.Contains("llm_provider_retries_total{", metrics, StringComparison.Ordinal);
        Assert.Equal(40, await service.MetricAsync("llm_requests_total{status=\"completed\"}"));
    }

    [Fact]
    public async Task With_every_call_failing_every_request_gets_an_error_callback_after_the_attempt_limit()
    {
        await using var service = await TestService.StartAsync(o => o with { MockErrorRate = 1.0 });

        var results = await RunAsync(service, 12);

        Assert.All(results, ServiceExtensions.AssertInvariant);
        Assert.All(results, r =>
        {
            Assert.Null(r.Winner);
            Assert.Contains(r.ErrorDetail!.ErrorCode, TransientCodes);
            Assert.Equal(3, r.ErrorDetail.Details.Attempts);
            Assert.Equal(3, Attempts(r));
            Assert.Equal("llm_provider_service", r.ErrorDetail.Service);
            Assert.Equal(("mock", "mock-judge-1"), (r.Provider, r.Model));
        });
        Assert.Equal(12, await service.MetricAsync("llm_requests_total{status=\"failed\"}"));
    }

    [Fact]
    public async Task A_malformed_answer_is_retried_exactly_once_and_never_becomes_a_winner()
    {
        await using var service = await TestService.StartAsync(o => o with { MockMalformedRate = 1.0 });

        var results = await RunAsync(service, 10);

        Assert.All(results, r =>
        {
            ServiceExtensions.AssertInvariant(r);
            Assert.Null(r.Winner);
            Assert.Equal("INVALID_RESPONSE", r.ErrorDetail!.ErrorCode);
            Assert.Equal(2, Attempts(r));
            Assert.True(r.TokenUsage.PromptTokens > 0, "both billed attempts are counted");
        });
    }

    [Fact]
    public async Task With_half_the_answers_malformed_every_winner_comes_from_a_valid_answer()
    {
        await using var service = await TestService.StartAsync(o => o with { MockMalformedRate = 0.5 });

        var results = await RunAsync(service, 30);

        Assert.All(results, ServiceExtensions.AssertInvariant);
        Assert.Contains(results, r => r.Winner is not null && Attempts(r) == 2);
        Assert.All(results.Where(r => r.ErrorDetail is not null), r => Assert.Equal("INVALID_RESPONSE", r.ErrorDetail!.ErrorCode));
        Assert.All(results.Where(r => r.Winner is not null), r => Assert.Equal(MockProviderText, r.Justification));
    }

    private static readonly string[] TransientCodes = ["RATE_LIMIT", "PROVIDER_UNAVAILABLE", "TIMEOUT"];

    private const string MockProviderText = Cj.LlmProvider.Providers.MockProvider.Justification;
}
