using System.Text.Json;
using Cj.LlmProvider.Resilience;

namespace Cj.LlmProvider.Providers;

/// <summary>
/// Answers with recorded verdicts (design §4.3): a reversed pair gets the winner flipped, a pair without a record
/// is the non-retryable error <c>REPLAY_MISS</c>. The recorded model is reported; cost is 0 with the recorded cost
/// in <c>recorded_cost_usd</c>, and <c>replay_source {file_sha256, line}</c> names the record used.
/// </summary>
internal sealed class ReplayProvider(LlmProviderOptions options, ReplayBook book) : ILlmProvider
{
    public const string DefaultJustification = "Recorded judgement (replay).";

    /// <summary>Confidence of a record that has none (CSV rows may omit it).</summary>
    public const double DefaultConfidence = 3.0;

    public string Name => ProviderNames.Replay;

    public string DefaultModel => "replay";

    public Task<ProviderAnswer> CallAsync(ProviderCall call, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(call);
        var match = book.Find(call.Essays, call.Occurrence, options.ReplayAllowReversed);
        if (match is null)
        {
            return Task.FromResult(new ProviderAnswer(
                FinishReason.ProviderError, 0, null, ProviderUsage.None, TimeSpan.Zero,
                ErrorCode: ErrorCodes.ReplayMiss, ErrorMessage: "no recorded judgement for this pair"));
        }

        var record = match.Record;
        var content = JsonSerializer.Serialize(new
        {
            winner = match.AWins ? "Essay A" : "Essay B",
            justification = record.Justification ?? DefaultJustification,
            confidence = record.Confidence ?? DefaultConfidence,
        });
        var metadata = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["replay_source"] = new Dictionary<string, object?> { ["file_sha256"] = book.FileSha256, ["line"] = record.Line },
            ["replay_reversed"] = match.Reversed,
            ["recorded_cost_usd"] = record.CostUsd,
        };
        var usage = ProviderUsage.FromCharacters(call.Prompt.Length, content.Length);
        return Task.FromResult(new ProviderAnswer(
            FinishReason.Stop, 200, content, usage, TimeSpan.Zero, Model: record.Model, Metadata: metadata));
    }
}
