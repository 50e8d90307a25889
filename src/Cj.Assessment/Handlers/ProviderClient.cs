using System.Net;
using System.Net.Http.Json;
using Cj.Contracts;
using Cj.Hosting.Json;

namespace Cj.Assessment.Handlers;

/// <summary>Outcome of one POST to the provider service.</summary>
internal sealed record PostOutcome(bool Accepted, bool Retryable, HttpStatusCode? Status, string ErrorCode, string? QueueId, TimeSpan? RetryAfter);

/// <summary>
/// The HTTP client of the LLM Provider Service (bearer token when configured): one request to
/// <c>POST /api/v1/comparison</c>, or several to <c>POST /api/v1/comparisons</c> (ADR 0008). A call carries at most
/// <see cref="MaxBatchChars"/> of prompt text; a chunk the server finds too large (413) is halved. A provider without the
/// batch route (404 or 405) gets one call per request from then on, at most <paramref name="concurrency"/> at a time.
/// </summary>
internal sealed class ProviderClient(HttpClient http, int concurrency) : IDisposable
{
    /// <summary>Prompt characters per batch call: well under Kestrel's 30 MB body limit even when every character is escaped.</summary>
    public const int MaxBatchChars = 4_000_000;

    private readonly SemaphoreSlim singles = new(concurrency, concurrency);
    private volatile bool batchRouteMissing;

    // The semaphore is not disposed: a call still running at disposal releases it afterwards (it holds no wait handle).
    public void Dispose() => http.Dispose();

    /// <summary>The outcome of each of <paramref name="requests"/>, in order.</summary>
    public async Task<IReadOnlyList<PostOutcome>> PostAsync(IReadOnlyList<LlmComparisonRequest> requests, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var outcomes = new List<PostOutcome>(requests.Count);
        foreach (var part in BySize(requests))
        {
            outcomes.AddRange(await PostPartAsync(part, cancellationToken).ConfigureAwait(false));
        }

        return outcomes;
    }

    private static IEnumerable<List<LlmComparisonRequest>> BySize(IReadOnlyList<LlmComparisonRequest> requests)
    {
        var part = new List<LlmComparisonRequest>();
        var chars = 0L;
        foreach (var request in requests)
        {
            var size = request.PromptBlocks.Sum(b => (long)b.Content.Length) + (request.LlmConfigOverrides?.SystemPromptOverride?.Length ?? 0);
            if (part.Count > 0 && chars + size > MaxBatchChars)
            {
                yield return part;
                (part, chars) = ([], 0);
            }

            part.Add(request);
            chars += size;
        }

        if (part.Count > 0)
        {
            yield return part;
        }
    }

    private async Task<IReadOnlyList<PostOutcome>> PostPartAsync(IReadOnlyList<LlmComparisonRequest> requests, CancellationToken cancellationToken)
    {
        if (requests.Count == 1 || batchRouteMissing)
        {
            return await Task.WhenAll(requests.Select(r => PostSingleAsync(r, cancellationToken))).ConfigureAwait(false);
        }

        try
        {
            using var response = await http.PostAsJsonAsync("api/v1/comparisons", new LlmComparisonBatchRequest(requests), WireJson.Options, cancellationToken).ConfigureAwait(false);
            var status = response.StatusCode;
            if (status is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed)
            {
                batchRouteMissing = true;
                return await PostPartAsync(requests, cancellationToken).ConfigureAwait(false);
            }

            if (status == HttpStatusCode.RequestEntityTooLarge)
            {
                var half = requests.Count / 2;
                return [.. await PostPartAsync([.. requests.Take(half)], cancellationToken).ConfigureAwait(false),
                    .. await PostPartAsync([.. requests.Skip(half)], cancellationToken).ConfigureAwait(false)];
            }

            if (status == HttpStatusCode.OK
                && await response.Content.ReadFromJsonAsync<LlmComparisonBatchResponse>(WireJson.Options, cancellationToken).ConfigureAwait(false) is { } batch
                && batch.Results.Count == requests.Count)
            {
                return [.. batch.Results.Select(Outcome)];
            }

            var code = status == HttpStatusCode.OK ? "INVALID_BATCH_RESPONSE" : await ErrorCodeAsync(response, cancellationToken).ConfigureAwait(false);
            var retryable = status == HttpStatusCode.OK || IsRetryable(status);
            var whole = new PostOutcome(false, retryable, status, retryable ? "PROVIDER_UNAVAILABLE" : code, null, response.Headers.RetryAfter?.Delta);
            return [.. requests.Select(_ => whole)];
        }
        catch (Exception ex) when (ex is HttpRequestException or System.Text.Json.JsonException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            var unavailable = new PostOutcome(false, true, null, "PROVIDER_UNAVAILABLE", null, null);
            return [.. requests.Select(_ => unavailable)];
        }
    }

    /// <summary>One request on the single route, within the concurrency limit of single calls.</summary>
    private async Task<PostOutcome> PostSingleAsync(LlmComparisonRequest request, CancellationToken cancellationToken)
    {
        await singles.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await PostAsync(request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            singles.Release();
        }
    }

    private async Task<PostOutcome> PostAsync(LlmComparisonRequest request, CancellationToken cancellationToken)
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
            var retryable = IsRetryable(status);
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

    private static bool IsRetryable(HttpStatusCode status) =>
        (int)status >= 500 || status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout;

    private static PostOutcome Outcome(LlmComparisonBatchItem item)
    {
        var status = (HttpStatusCode)item.Status;
        if (status == HttpStatusCode.Accepted)
        {
            return new PostOutcome(true, false, status, "", item.Accepted?.QueueId, null);
        }

        var retryable = IsRetryable(status);
        var code = retryable ? "PROVIDER_UNAVAILABLE" : item.Problem?.Code is { Length: > 0 } problem ? problem : $"HTTP_{item.Status}";
        return new PostOutcome(false, retryable, status, code, null, item.RetryAfterSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null);
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
