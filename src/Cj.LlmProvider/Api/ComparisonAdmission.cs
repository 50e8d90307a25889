using System.Globalization;
using System.Text.Json;
using Cj.Contracts;
using Cj.Hosting.Json;
using Cj.LlmProvider.Prompting;
using Cj.LlmProvider.Providers;
using Cj.LlmProvider.Queue;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Cj.LlmProvider.Api;

/// <summary>
/// <c>POST /api/v1/comparison</c> (design §1): validate, resolve provider and model, build the canonical request
/// and its hash, then admit in one transaction (idempotency on <c>correlation_id</c>, admission control, insert).
/// <c>POST /api/v1/comparisons</c> (ADR 0008) does the same for up to <see cref="MaxBatch"/> requests at once: each
/// gets exactly the outcome the single route would have given it, and their inserts share the store's group commit.
/// </summary>
internal sealed class ComparisonAdmission(QueueStore store, ProviderRegistry providers, LlmProviderOptions options, QueueEvents events, ILogger logger)
{
    /// <summary>The most requests one batch admission takes.</summary>
    public const int MaxBatch = 500;

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var correlationId = context.Response.Headers[CorrelationHeader.Name].ToString();
        using var document = await ParseAsync(context).ConfigureAwait(false);
        if (document is null)
        {
            return Problems.Result(Refusal.Invalid("$", "the body is not JSON"), correlationId);
        }

        var outcome = await AdmitAsync(document.RootElement, context.RequestAborted).ConfigureAwait(false);
        if (outcome.Refusal is { } refusal)
        {
            if (outcome.RetryAfterSeconds is { } seconds)
            {
                context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            }

            return Problems.Result(refusal, correlationId);
        }

        context.Response.Headers.Location = "/api/v1/status/" + outcome.Accepted!.QueueId;
        return Results.Json(outcome.Accepted, WireJson.Options, statusCode: StatusCodes.Status202Accepted);
    }

    /// <summary>
    /// <c>POST /api/v1/comparisons</c>: <c>{"requests": [...]}</c> with 1 to <see cref="MaxBatch"/> requests → 200 with
    /// one outcome per request in order; a body that is not such an object → 400 <c>invalid_body</c>, nothing admitted.
    /// </summary>
    public async Task<IResult> HandleBatchAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var correlationId = context.Response.Headers[CorrelationHeader.Name].ToString();
        using var document = await ParseAsync(context).ConfigureAwait(false);
        if (document is null)
        {
            return Problems.Result(Refusal.Invalid("$", "the body is not JSON"), correlationId);
        }

        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("requests", out var requests) || requests.ValueKind != JsonValueKind.Array)
        {
            return Problems.Result(Refusal.Invalid("requests", "the body must be an object with a 'requests' array"), correlationId);
        }

        var count = requests.GetArrayLength();
        if (count is 0 or > MaxBatch)
        {
            return Problems.Result(Refusal.Invalid("requests", $"must hold 1 to {MaxBatch} requests, not {count}"), correlationId);
        }

        // Started together, so that their inserts land in the same group commit of the store's writer.
        var outcomes = await Task.WhenAll(requests.EnumerateArray().Select(item => AdmitOneOfManyAsync(item, context.RequestAborted))).ConfigureAwait(false);
        var items = outcomes.Select((outcome, i) => Item(outcome, requests[i])).ToList();
        return Results.Json(new LlmComparisonBatchResponse(items), WireJson.Options);
    }

    /// <summary>As <see cref="AdmitAsync"/>; a failure (the store, say) refuses this request alone with 500, as the single route would.</summary>
    private async Task<Outcome> AdmitOneOfManyAsync(JsonElement body, CancellationToken cancellationToken)
    {
        try
        {
            return await AdmitAsync(body, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.AdmissionFailed(logger, e);
            return new Outcome(null, new Refusal(StatusCodes.Status500InternalServerError, "internal_error", "the request could not be admitted; retry it"), null);
        }
    }

    private static async Task<JsonDocument?> ParseAsync(HttpContext context)
    {
        try
        {
            return await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static LlmComparisonBatchItem Item(Outcome outcome, JsonElement request)
    {
        var correlationId = request.ValueKind == JsonValueKind.Object && request.TryGetProperty("correlation_id", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;
        return outcome.Refusal is { } refusal
            ? new LlmComparisonBatchItem(correlationId, refusal.Status, null, Problems.Of(refusal, correlationId), outcome.RetryAfterSeconds)
            : new LlmComparisonBatchItem(correlationId, StatusCodes.Status202Accepted, outcome.Accepted, null, null);
    }

    /// <summary>Validates and admits one request body; the outcome the single route answers with.</summary>
    private async Task<Outcome> AdmitAsync(JsonElement body, CancellationToken cancellationToken)
    {
        var (valid, invalid) = RequestValidator.Validate(body, options);
        if (valid is null)
        {
            return new Outcome(null, invalid, null);
        }

        var request = valid.Body;
        var resolution = providers.Resolve(request.LlmConfigOverrides?.ProviderOverride, request.LlmConfigOverrides?.ModelOverride);
        if (resolution.Provider is null)
        {
            return new Outcome(null, Refusal.BadRequest(resolution.ErrorCode!, resolution.Message!), null);
        }

        var canonical = CanonicalFactory.Build(request, resolution.Provider.Name, resolution.Model!, options);
        var canonicalJson = canonical.ToCanonicalJson();
        var now = store.Time.GetUtcNow();
        var queued = new NewRequest(
            Guid.CreateVersion7(now).ToString("D"),
            request.CorrelationId,
            valid.BatchId,
            request.CallbackTopic,
            request.UserId,
            valid.Priority,
            resolution.Provider.Name,
            resolution.Model!,
            PromptHash.Sha256Hex(canonicalJson),
            canonicalJson,
            valid.MetadataJson,
            now + valid.Ttl);
        var admission = await store.AdmitAsync(queued, cancellationToken).ConfigureAwait(false);
        switch (admission.Status)
        {
            case AdmissionStatus.Conflict:
                return new Outcome(
                    null,
                    new Refusal(StatusCodes.Status409Conflict, "correlation_id_conflict", "this correlation_id was admitted with a different prompt_sha256"),
                    null);
            case AdmissionStatus.QueueFull:
                events.Rejected(request.CorrelationId);
                return new Outcome(
                    null,
                    new Refusal(StatusCodes.Status503ServiceUnavailable, "queue_full", "the queue is full; retry with the same correlation_id"),
                    events.Rate.RetryAfterSeconds(admission.Pending));
            case AdmissionStatus.Accepted:
                events.Queued(queued, QueueStatus.PerRequest, () => PromptAssembler.Assemble(canonical.SystemPrompt, request.PromptBlocks).Length);
                break;
        }

        var duplicate = admission.Status == AdmissionStatus.Duplicate;
        return new Outcome(
            new LlmComparisonAccepted(
                admission.QueueId!,
                QueueStatus.Queued,
                duplicate ? "duplicate of an admitted request: no second call is made" : "comparison queued",
                duplicate ? null : events.Rate.WaitMinutes(admission.Ahead),
                duplicate),
            null,
            null);
    }

    /// <summary>Accepted (the 202 body) or refused (with <c>Retry-After</c> seconds for a full queue).</summary>
    private sealed record Outcome(LlmComparisonAccepted? Accepted, Refusal? Refusal, int? RetryAfterSeconds);
}
