using System.Net;
using System.Net.Http.Json;
using Cj.Contracts;
using Cj.Hosting.Json;

namespace Cj.Assessment.Handlers;

/// <summary>Outcome of one POST to the provider service.</summary>
internal sealed record PostOutcome(bool Accepted, bool Retryable, HttpStatusCode? Status, string ErrorCode, string? QueueId, TimeSpan? RetryAfter);

/// <summary>The HTTP client of the LLM Provider Service (bearer token when configured).</summary>
internal sealed class ProviderClient(HttpClient http) : IDisposable
{
    public void Dispose() => http.Dispose();

    public async Task<PostOutcome> PostAsync(LlmComparisonRequest request, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.PostAsJsonAsync("api/v1/comparison", request, WireJson.Options, cancellationToken).ConfigureAwait(false);
            var status = response.StatusCode;
            if (status == HttpStatusCode.Accepted)
            {
                var accepted = await response.Content.ReadFromJsonAsync<LlmComparisonAccepted>(WireJson.Options, cancellationToken).ConfigureAwait(false);
                return new PostOutcome(true, false, status, "", accepted?.QueueId, null);
            }

            var code = await ErrorCodeAsync(response, cancellationToken).ConfigureAwait(false);
            var retryable = (int)status >= 500 || status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout;
            return new PostOutcome(false, retryable, status, retryable ? "PROVIDER_UNAVAILABLE" : code, null, response.Headers.RetryAfter?.Delta);
        }
        catch (HttpRequestException)
        {
            return new PostOutcome(false, true, null, "PROVIDER_UNAVAILABLE", null, null);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new PostOutcome(false, true, null, "PROVIDER_UNAVAILABLE", null, null);
        }
    }

    private static async Task<string> ErrorCodeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var problem = await response.Content.ReadFromJsonAsync<Problem>(WireJson.Options, cancellationToken).ConfigureAwait(false);
            return problem?.Code is { Length: > 0 } code ? code : $"HTTP_{(int)response.StatusCode}";
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or NotSupportedException or InvalidOperationException)
        {
            return $"HTTP_{(int)response.StatusCode}";
        }
    }
}
