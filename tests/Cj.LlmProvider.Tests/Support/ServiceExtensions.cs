using System.Net.Http.Json;
using System.Text.Json;
using Cj.Contracts;
using Cj.Hosting.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Cj.LlmProvider.Tests.Support;

/// <summary>Reads the service's own endpoints and internals in tests.</summary>
internal static class ServiceExtensions
{
    public static LlmProviderServices Internals(this TestService service) =>
        service.App.Services.GetRequiredService<LlmProviderServices>();

    public static async Task<JsonElement> StatusAsync(this TestService service, string queueId) =>
        await service.Http.GetFromJsonAsync<JsonElement>($"/api/v1/status/{queueId}");

    public static async Task<string> MetricsAsync(this TestService service) =>
        await service.Http.GetStringAsync("/metrics");

    /// <summary>The value of one Prometheus sample line, 0 when absent (<paramref name="series"/> is name plus labels as rendered).</summary>
    public static async Task<double> MetricAsync(this TestService service, string series)
    {
        var line = (await service.MetricsAsync()).Split('\n').FirstOrDefault(l => l.StartsWith(series + " ", StringComparison.Ordinal));
        return line is null ? 0 : double.Parse(line[(series.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task WaitForStatusAsync(this TestService service, string queueId, string status) =>
        await Wait.UntilAsync(
            () => service.Internals().Store.Status(queueId)?.Status == status,
            $"request {queueId} to be {status}");

    public static LlmComparisonResultV1 Single(this IReadOnlyList<EventEnvelope<LlmComparisonResultV1>> callbacks, string correlationId) =>
        callbacks.Single(c => c.CorrelationId == correlationId).Data;

    public static async Task<(int Status, Problem? Problem, HttpResponseMessage Response)> PostForProblemAsync(this TestService service, object body)
    {
        var response = await service.PostAsync(body);
        var text = await response.Content.ReadAsStringAsync();
        var problem = response.Content.Headers.ContentType?.MediaType == "application/problem+json"
            ? JsonSerializer.Deserialize<Problem>(text, WireJson.Options)
            : null;
        return ((int)response.StatusCode, problem, response);
    }

    /// <summary>Every success has winner, confidence and justification and no error; every error the reverse (contracts §4).</summary>
    public static void AssertInvariant(LlmComparisonResultV1 result)
    {
        var success = result.ErrorDetail is null;
        Assert.Equal(success, result.Winner is not null);
        Assert.Equal(success, result.Confidence is not null);
        Assert.Equal(success, result.Justification is not null);
        Assert.True(result.Winner is null or "Essay A" or "Essay B");
        var hash = result.RequestMetadata["prompt_sha256"]?.ToString();
        Assert.Matches("^[0-9a-f]{64}$", hash);
    }
}
