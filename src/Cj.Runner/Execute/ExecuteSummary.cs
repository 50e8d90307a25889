using System.Globalization;
using System.Text;
using Cj.Runner.Artefact;

namespace Cj.Runner.Execute;

/// <summary>The closing summary of an execute run (runner design, "Console"), for people, on stderr.</summary>
internal static class ExecuteSummary
{
    public static string Render(AssessmentRun artefact, string artefactPath, TimeSpan elapsed)
    {
        var r = artefact.Results;
        var text = new StringBuilder();
        var succeeded = r.Comparisons.Count(c => c.Status == "succeeded");
        var failed = r.Comparisons.Count - succeeded;
        text.AppendLine(Invariant($"Batch '{artefact.Metadata.BatchId}' ({artefact.Metadata.BatchUuid}): {r.Status}, stop reason {r.StopReason ?? "none"}, {elapsed.TotalSeconds:F1} s"));
        text.AppendLine(Invariant($"Comparisons: {succeeded} succeeded, {failed} failed attempts, budget {artefact.Metadata.ComparisonBudget}"));
        if (r.Reliability is { } rel)
        {
            text.AppendLine(Invariant($"Reliability: SSR {F(rel.Ssr, 3)}, separation G {F(rel.SeparationIndex, 2)}, split-half {F(rel.SplitHalf, 3)}, mean SE {F(rel.MeanStandardError, 3)}, empirical-Bayes {F(rel.EbReliability, 3)} (ability SD {F(rel.AbilitySd, 2)})"));
        }

        var top = r.Essays.Where(e => e.Rank is not null).OrderBy(e => e.Rank).Take(10).ToArray();
        if (top.Length > 0)
        {
            text.AppendLine("Top of the ranking:");
            foreach (var e in top)
            {
                var grade = e.IsAnchor ? $"anchor {e.AnchorGrade}" : e.GradeProjection is { } p ? $"{p.Grade} ({p.ConfidenceLabel} {p.ConfidenceScore:F2})" : "no projection";
                text.AppendLine(Invariant($"  {e.Rank,3}  {e.EssayId,-24} {e.Ability,7:F3} ± {e.StandardError:F3}  {grade}"));
            }
        }

        foreach (var t in artefact.Costs.TokenCounts)
        {
            text.AppendLine(Invariant($"Tokens {t.Provider}/{t.Model}: {t.PromptTokens:N0} prompt, {t.CompletionTokens:N0} completion, {t.CacheReadTokens:N0} cache read; ${t.Usd:F4}"));
        }

        text.AppendLine(Invariant($"Total cost: ${artefact.Costs.TotalUsd:F4}; partial_data: {(artefact.Validation.RunnerStatus.PartialData ? "true" : "false")}"));
        text.AppendLine($"Artefact: {artefactPath}");
        text.AppendLine("LLM batching diagnostics (Prometheus query hints):");
        text.AppendLine("  sum by (batching_mode) (rate(cj_llm_requests_total[5m]))");
        text.AppendLine("  sum by (batching_mode) (rate(cj_llm_batches_started_total[5m]))");
        text.AppendLine("  sum by (provider, model) (rate(llm_provider_serial_bundle_calls_total[5m]))");
        text.AppendLine("  histogram_quantile(0.5, sum by (le, provider, model) (rate(llm_provider_serial_bundle_items_per_call_bucket[5m])))");
        text.AppendLine("  sum by (provider, queue_processing_mode, expiry_reason) (increase(llm_provider_queue_expiry_total[1h]))");
        text.AppendLine("  histogram_quantile(0.95, sum by (le, queue_processing_mode, result) (rate(llm_provider_queue_wait_time_seconds_bucket[5m])))");
        return text.ToString();
    }

    private static string F(double? value, int digits) =>
        value is { } v ? v.ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : "n/a";

    private static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
