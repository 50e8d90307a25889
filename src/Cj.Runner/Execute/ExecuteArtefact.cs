using System.Globalization;
using Cj.Contracts;
using Cj.Runner.Artefact;

namespace Cj.Runner.Execute;

/// <summary>
/// Hydrates the execute artefact from what the collector received: every comparison attempt with its tokens, cost
/// and prompt hash; every essay with ability, SE, rank, counts and grade projection from the assessment result;
/// reliability, costs per provider/model and the runner status.
/// </summary>
internal static class ExecuteArtefact
{
    public static AssessmentRun Build(AssessmentRun stub, Collector collector, string gradeScale, IReadOnlyList<string> gradeLabels, bool timedOut)
    {
        var comparisons = collector.Comparisons.Select((c, k) => Comparison(c, k + 1, gradeScale)).ToArray();
        var result = collector.Result?.Data;
        var essays = result is null ? stub.Results.Essays : Essays(stub, result, gradeScale, gradeLabels);
        var status = collector.Failed is not null ? "failed" : timedOut || result is null ? "partial" : "completed";
        var stop = collector.Completed?.Data.StopReason ?? collector.Failed?.Data.FailureReason;
        var waves = comparisons.GroupBy(c => c.Wave).OrderBy(g => g.Key)
            .Select(g => new WaveRecord(g.Key, g.Count(), null, null)).ToArray();
        var counts = comparisons.GroupBy(c => (c.Provider, c.Model)).OrderBy(g => g.Key.Provider, StringComparer.Ordinal).ThenBy(g => g.Key.Model, StringComparer.Ordinal)
            .Select(g => new TokenCount(g.Key.Provider, g.Key.Model, g.Sum(c => (long)c.Tokens.Prompt), g.Sum(c => (long)c.Tokens.Completion),
                g.Sum(c => (long)c.Tokens.CacheRead), g.Sum(c => (long)c.Tokens.CacheWrite), g.Sum(c => c.CostUsd ?? 0m)))
            .ToArray();
        var metadata = result?.AssessmentMetadata;
        var reliability = metadata is null ? null : new ReliabilityRecord(
            metadata.Reliability.Ssr, metadata.Reliability.SeparationIndex, metadata.Reliability.SplitHalf,
            Mean(result!.EssayResults.Select(e => e.StandardError)),
            new PositionBiasRecord(metadata.PositionBias.FirstPositionWinRate, metadata.PositionBias.SwapConsistency),
            metadata.Reliability.EbReliability,
            metadata.Reliability.AbilitySd);
        var failure = collector.Failed is { } failed
            ? new FailureRecord(failed.Data.FailureReason, failed.Data.SystemMetadata.ErrorInfo?.Details)
            : timedOut ? new FailureRecord("completion_timeout", "the batch did not complete within --completion-timeout") : null;
        return stub with
        {
            Results = new ArtefactResults(status, stop, waves, comparisons, essays, reliability),
            Costs = stub.Costs with { TotalUsd = counts.Sum(c => c.Usd), TokenCounts = counts },
            Validation = stub.Validation with
            {
                RunnerStatus = stub.Validation.RunnerStatus with
                {
                    PartialData = status == "partial",
                    Failure = failure,
                    ObservedEvents = new ObservedEvents(
                        comparisons.Length, collector.Result is null ? 0 : 1, collector.Completed is null ? 0 : 1, collector.Failed is null ? 0 : 1),
                },
            },
        };
    }

    private static ComparisonRecord Comparison(EventEnvelope<LlmComparisonResultV1> envelope, long sequence, string gradeScale)
    {
        var c = envelope.Data;
        var meta = c.RequestMetadata;
        var a = Text(meta, "essay_a_id") ?? "";
        var b = Text(meta, "essay_b_id") ?? "";
        var winner = c.Winner == LlmComparisonResultV1.EssayA ? a : c.Winner == LlmComparisonResultV1.EssayB ? b : null;
        var loser = winner is null ? null : winner == a ? b : a;
        var promptHash = Text(meta, "prompt_sha256")
            ?? throw new InvalidOperationException($"Missing prompt hash on the comparison result of request {c.CorrelationId}.");
        var wave = int.TryParse(Text(meta, "comparison_iteration"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var w) ? w : 1;
        return new ComparisonRecord(
            sequence, c.CorrelationId, envelope.CorrelationId, Math.Max(1, wave), a, b, winner, loser,
            winner is null ? "failed" : "succeeded", c.Confidence, c.Justification, c.Provider, c.Model, promptHash, gradeScale,
            new TokenRecord(c.TokenUsage.PromptTokens, c.TokenUsage.CompletionTokens, c.TokenUsage.CacheReadTokens, c.TokenUsage.CacheWriteTokens),
            c.CostEstimate ?? 0m, c.RequestedAt, c.CompletedAt, c.ErrorDetail?.ErrorCode, c.ErrorDetail?.Message);
    }

    private static EssayRecord[] Essays(AssessmentRun stub, AssessmentResultV1 result, string gradeScale, IReadOnlyList<string> labels)
    {
        var promptRef = new StoragePointer(stub.Inputs.Prompt.StorageId);
        return [.. result.EssayResults.OrderBy(e => e.EssayId, StringComparer.Ordinal).Select(e => new EssayRecord(
            e.EssayId, e.IsAnchor, e.AnchorGrade, e.BtScore, e.StandardError, e.Rank, e.ComparisonCount, e.Wins, e.Losses, e.Infit, e.Outfit,
            e.LetterGrade is { } grade && e.GradeProbabilities is { } p
                ? new GradeProjectionRecord(grade, gradeScale, p, ExpectedIndex(p, labels), e.ConfidenceScore ?? 0, e.ConfidenceLabel ?? "LOW")
                : null,
            promptRef))];
    }

    private static double ExpectedIndex(IReadOnlyDictionary<string, double> probabilities, IReadOnlyList<string> labels) =>
        labels.Select((label, k) => k * probabilities.GetValueOrDefault(label)).Sum();

    private static double? Mean(IEnumerable<double> values) => values.Any() ? values.Average() : null;

    private static string? Text(IReadOnlyDictionary<string, object?> metadata, string key) =>
        metadata.TryGetValue(key, out var value) ? value?.ToString() : null;
}
