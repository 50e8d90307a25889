using System.Collections.Concurrent;
using System.Globalization;
using Cj.Assessment.Store;
using Cj.Contracts;
using Cj.Hosting.Store;

namespace Cj.Assessment.Handlers;

/// <summary>
/// Builds the <see cref="LlmComparisonRequest"/> of an attempt: correlation id = request id, the batch's static
/// blocks, the bare texts of the first and second essay as <c>essay_a</c>/<c>essay_b</c>, the footer, CJ's metadata
/// keys and the request's overrides. Essay ids and file names appear only in metadata, never in prompt text.
/// </summary>
internal sealed class ComparisonRequests(SqliteDatabase database)
{
    private const int MaxCachedBatches = 64;

    private readonly ConcurrentDictionary<string, SendContext> contexts = new(StringComparer.Ordinal);

    public async Task<LlmComparisonRequest?> BuildAsync(PendingAttempt attempt, CancellationToken cancellationToken)
    {
        var context = contexts.TryGetValue(attempt.BatchId, out var cached) ? cached : await LoadAsync(attempt.BatchId, cancellationToken).ConfigureAwait(false);
        if (context is null)
        {
            return null;
        }

        var essayA = context.Essays[attempt.EssayAId];
        var essayB = context.Essays[attempt.EssayBId];
        var request = context.Request.Data;
        var metadata = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["essay_a_id"] = attempt.EssayAId,
            ["essay_b_id"] = attempt.EssayBId,
            ["essay_a_storage_id"] = essayA.StorageId,
            ["essay_b_storage_id"] = essayB.StorageId,
            ["bos_batch_id"] = context.Request.BatchId.ToString("D"),
            ["cj_batch_id"] = attempt.BatchId,
            ["cj_source"] = "els",
            ["cj_request_type"] = attempt.Attempt == 0 ? "cj_comparison" : "cj_retry",
            ["cj_llm_batching_mode"] = context.Prompt.BatchingMode,
            ["comparison_iteration"] = attempt.Wave,
        };
        List<PromptBlock> blocks =
        [
            .. context.Prompt.StaticBlocks,
            new PromptBlock("essay_a", essayA.Text),
            new PromptBlock("essay_b", essayB.Text),
            new PromptBlock("footer", context.Prompt.Footer),
        ];
        var o = request.LlmConfigOverrides;
        var overrides = o is null ? null : new LlmRequestOverrides(o.ProviderOverride, o.ModelOverride, o.TemperatureOverride, o.MaxTokensOverride, o.SystemPromptOverride, o.ReasoningEffort, o.OutputVerbosity);
        return new LlmComparisonRequest(
            attempt.RequestId, Topics.ComparisonResult, request.UserId, metadata, 5, context.Prompt.TtlSeconds, o?.BothOrders ?? false, blocks, overrides);
    }

    private async Task<SendContext?> LoadAsync(string batchId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        if (BatchStore.Get(connection, null, batchId) is not { } row)
        {
            return null;
        }

        var essays = BatchStore.Essays(connection, null, batchId).ToDictionary(
            e => e.EssayId,
            e => new EssayText(e.StorageId, ContentStore.Text(connection, null, e.StorageId) ?? throw new InvalidOperationException(
                string.Create(CultureInfo.InvariantCulture, $"content {e.StorageId} of batch {batchId} is missing"))),
            StringComparer.Ordinal);
        var context = new SendContext(StoredRequest.Parse(row.RequestJson), BatchPrompt.Parse(row.PromptJson), essays);
        if (contexts.Count >= MaxCachedBatches)
        {
            contexts.Clear(); // ended batches are never asked for again; running ones reload on their next send
        }

        contexts[batchId] = context;
        return context;
    }

    private sealed record EssayText(string StorageId, string Text);

    private sealed record SendContext(EventEnvelope<ElsCjAssessmentRequestV1> Request, BatchPrompt Prompt, Dictionary<string, EssayText> Essays);
}
