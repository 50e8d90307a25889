using System.Text.Json;
using Cj.LlmProvider.Prompting;
using Cj.LlmProvider.Providers;
using Cj.LlmProvider.Resilience;
using Microsoft.Extensions.Logging;

namespace Cj.LlmProvider.Queue;

/// <summary>
/// Runs one claimed leg: builds the call from the stored canonical request, calls the provider under the
/// per-attempt timeout (on the <see cref="TimeProvider"/>), classifies the answer, decides retry or finish, and
/// records it. No transaction is held during the call.
/// </summary>
internal sealed class LegProcessor(QueueStore store, ProviderRegistry providers, LlmProviderOptions options, QueueEvents events, ILogger logger)
{
    private TimeProvider Time => store.Time;

    public async Task ProcessAsync(QueueRow row, string owner, CancellationToken ct)
    {
        var provider = providers.Find(row.Provider);
        if (provider is null)
        {
            var missing = TerminalOutcome.Error(ErrorCodes.InternalError, $"provider '{row.Provider}' is not configured in this process");
            await FinishAsync(row, owner, new AttemptRecord(ProviderUsage.None, TimeSpan.Zero, ErrorCodes.InternalError, false, null, missing)).ConfigureAwait(false);
            return;
        }

        var answer = await CallAsync(provider, Call(row), ct).ConfigureAwait(false);
        if (answer is null)
        {
            await store.ReleaseAsync(row, owner, CancellationToken.None).ConfigureAwait(false);
            return;
        }

        var outcome = AnswerClassifier.Classify(answer);
        events.Called(row, outcome, answer.Usage, answer.Latency);
        await FinishAsync(row, owner, Decide(row, answer, outcome)).ConfigureAwait(false);
    }

    /// <summary>Records the attempt; not cancellable, so a call that returned is never lost to a shutdown.</summary>
    private async Task FinishAsync(QueueRow row, string owner, AttemptRecord record)
    {
        var finished = await store.RecordAsync(row, owner, record, CancellationToken.None).ConfigureAwait(false);
        if (finished is not null)
        {
            events.Finished(finished, Time.GetUtcNow());
        }
        else if (record.RetryAt is { } at)
        {
            events.Retrying(row, record.ErrorCode, at - Time.GetUtcNow());
        }
    }

    private AttemptRecord Decide(QueueRow row, ProviderAnswer answer, CallOutcome outcome)
    {
        if (outcome.Verdict is { } verdict)
        {
            var success = new TerminalOutcome(verdict, null, null, answer.HttpStatus, null, answer.Model, answer.Metadata);
            return new AttemptRecord(answer.Usage, answer.Latency, null, false, null, success);
        }

        var attempts = (int)row.Attempts;
        if (RetryPolicy.ShouldRetry(outcome.Retry, attempts, (int)row.OnceRetries, options.MaxAttempts))
        {
            var once = outcome.Retry == RetryClass.Once;
            var delay = once
                ? TimeSpan.Zero
                : RetryPolicy.Delay(attempts, options.RetryBaseDelay, options.RetryMaxDelay, RetryPolicy.Jitter(options.Seed, row.QueueId, row.Leg, attempts), answer.RetryAfter);
            return new AttemptRecord(answer.Usage, answer.Latency, outcome.ErrorCode, once, Time.GetUtcNow() + delay, null);
        }

        var error = new TerminalOutcome(
            null,
            outcome.ErrorCode,
            outcome.Message,
            answer.HttpStatus > 0 ? answer.HttpStatus : null,
            answer.RetryAfter?.TotalSeconds,
            answer.Model,
            answer.Metadata);
        return new AttemptRecord(answer.Usage, answer.Latency, outcome.ErrorCode, false, null, error);
    }

    /// <summary>The provider's answer; a timeout or an adapter exception becomes an answer; null when shutting down.</summary>
    private async Task<ProviderAnswer?> CallAsync(ILlmProvider provider, ProviderCall call, CancellationToken ct)
    {
        var started = Time.GetTimestamp();
        using var timeout = new CancellationTokenSource(options.RequestTimeout, Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            var answer = await provider.CallAsync(call, linked.Token).ConfigureAwait(false);
            return answer.Latency > TimeSpan.Zero ? answer : answer with { Latency = Time.GetElapsedTime(started) };
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return null;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return new ProviderAnswer(FinishReason.Timeout, 0, null, ProviderUsage.None, Time.GetElapsedTime(started), ErrorMessage: "timeout");
        }
        catch (Exception e)
        {
            Log.ProviderException(logger, call.QueueId, provider.Name, e.GetType().Name);
            return new ProviderAnswer(
                FinishReason.ProviderError, 0, null, ProviderUsage.None, Time.GetElapsedTime(started),
                ErrorCode: ErrorCodes.InternalError, ErrorMessage: "the provider adapter failed");
        }
    }

    private static ProviderCall Call(QueueRow row)
    {
        var canonical = row.ParsedRequest;
        var prompt = PromptAssembler.Assemble(canonical.SystemPrompt, canonical.PromptBlocks());
        using var metadata = JsonDocument.Parse(row.Metadata);
        string? Id(string key) =>
            metadata.RootElement.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var essays = new EssayRefs(Id("essay_a_id"), Id("essay_b_id"), Id("essay_a_storage_id"), Id("essay_b_storage_id"));
        return new ProviderCall(row.QueueId, row.Leg, (int)row.Attempts, (int)row.Occurrence, row.Model, row.PromptSha256, canonical, prompt, essays);
    }
}
