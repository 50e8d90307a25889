using System.Globalization;
using System.Text.Json;
using Cj.Contracts;
using Cj.Hosting.Json;
using Cj.LlmProvider.Prompting;
using Cj.LlmProvider.Providers;
using Cj.LlmProvider.Queue;
using Microsoft.AspNetCore.Http;

namespace Cj.LlmProvider.Api;

/// <summary>
/// <c>POST /api/v1/comparison</c> (design §1): validate, resolve provider and model, build the canonical request
/// and its hash, then admit in one transaction (idempotency on <c>correlation_id</c>, admission control, insert).
/// </summary>
internal sealed class ComparisonAdmission(QueueStore store, ProviderRegistry providers, LlmProviderOptions options, QueueEvents events)
{
    public async Task<IResult> HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var correlationId = context.Response.Headers[CorrelationHeader.Name].ToString();
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return Problems.Result(Refusal.Invalid("$", "the body is not JSON"), correlationId);
        }

        using (document)
        {
            var (request, refusal) = RequestValidator.Validate(document.RootElement, options);
            return request is null ? Problems.Result(refusal!, correlationId) : await AdmitAsync(request, context, correlationId).ConfigureAwait(false);
        }
    }

    private async Task<IResult> AdmitAsync(ValidRequest request, HttpContext context, string correlationId)
    {
        var body = request.Body;
        var resolution = providers.Resolve(body.LlmConfigOverrides?.ProviderOverride, body.LlmConfigOverrides?.ModelOverride);
        if (resolution.Provider is null)
        {
            return Problems.Result(Refusal.BadRequest(resolution.ErrorCode!, resolution.Message!), correlationId);
        }

        var canonical = CanonicalFactory.Build(body, resolution.Provider.Name, resolution.Model!, options);
        var canonicalJson = canonical.ToCanonicalJson();
        var now = store.Time.GetUtcNow();
        var queued = new NewRequest(
            Guid.CreateVersion7(now).ToString("D"),
            body.CorrelationId,
            request.BatchId,
            body.CallbackTopic,
            body.UserId,
            request.Priority,
            resolution.Provider.Name,
            resolution.Model!,
            PromptHash.Sha256Hex(canonicalJson),
            canonicalJson,
            request.MetadataJson,
            now + request.Ttl);
        var admission = await store.AdmitAsync(queued, context.RequestAborted).ConfigureAwait(false);
        switch (admission.Status)
        {
            case AdmissionStatus.Conflict:
                return Problems.Result(
                    new Refusal(StatusCodes.Status409Conflict, "correlation_id_conflict", "this correlation_id was admitted with a different prompt_sha256"),
                    correlationId);
            case AdmissionStatus.QueueFull:
                events.Rejected(body.CorrelationId);
                context.Response.Headers.RetryAfter = events.Rate.RetryAfterSeconds(admission.Pending).ToString(CultureInfo.InvariantCulture);
                return Problems.Result(new Refusal(StatusCodes.Status503ServiceUnavailable, "queue_full", "the queue is full; retry with the same correlation_id"), correlationId);
            case AdmissionStatus.Accepted:
                events.Queued(queued, QueueStatus.PerRequest, PromptAssembler.Assemble(canonical.SystemPrompt, body.PromptBlocks).Length);
                break;
        }

        var duplicate = admission.Status == AdmissionStatus.Duplicate;
        var accepted = new LlmComparisonAccepted(
            admission.QueueId!,
            QueueStatus.Queued,
            duplicate ? "duplicate of an admitted request: no second call is made" : "comparison queued",
            duplicate ? null : events.Rate.WaitMinutes(admission.Ahead),
            duplicate);
        context.Response.Headers.Location = "/api/v1/status/" + admission.QueueId;
        return Results.Json(accepted, WireJson.Options, statusCode: StatusCodes.Status202Accepted);
    }
}
