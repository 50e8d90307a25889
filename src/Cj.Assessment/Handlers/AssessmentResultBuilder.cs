using Cj.Assessment.Store;
using Cj.Contracts;
using Cj.Core.Grading;
using Cj.Core.Workflow;

namespace Cj.Assessment.Handlers;

/// <summary>What the rich result needs besides the engine's <see cref="BatchResult"/>.</summary>
internal sealed record ResultInputs(
    BatchIdentity Identity,
    IReadOnlyList<BatchEssayRow> Essays,
    GradeScale Scale,
    decimal CostUsd,
    string? Provider,
    string? Model,
    DateTimeOffset CreatedAt,
    DateTimeOffset Now);

/// <summary>Builds <see cref="AssessmentResultV1"/>: every essay's ability, real SE, rank, counts, fit and projection.</summary>
internal static class AssessmentResultBuilder
{
    public static AssessmentResultV1 Build(BatchResult result, ResultInputs inputs)
    {
        var request = inputs.Identity.Request;
        var byId = inputs.Essays.ToDictionary(e => e.EssayId, StringComparer.Ordinal);
        var projections = result.Projections?.Essays.ToDictionary(p => p.EssayId.Value, StringComparer.Ordinal);
        var rows = result.Diagnostics.Essays.Select(d =>
        {
            var essay = byId[d.EssayId.Value];
            var projection = projections?.GetValueOrDefault(d.EssayId.Value)?.Projection;
            return new EssayResult(
                d.EssayId.Value,
                essay.IsAnchor != 0,
                essay.DisplayName,
                essay.IsAnchor != 0 ? essay.AnchorGrade : null,
                Finite(d.Ability) ?? 0,
                Finite(d.StandardError) ?? 0,
                d.Rank,
                d.Comparisons,
                d.Wins,
                d.Losses,
                projection?.Grade,
                projection is null ? null : inputs.Scale.Grades.Select((g, k) => (g, p: projection.Probabilities[k])).ToDictionary(x => x.g, x => x.p, StringComparer.Ordinal),
                projection?.NormalisedScore,
                projection?.Confidence,
                projection is null ? null : projection.ConfidenceLabel.ToString().ToUpperInvariant(),
                Finite(d.Infit),
                Finite(d.Outfit),
                null,
                null);
        }).OrderBy(r => r.Rank).ToArray();

        var anchors = inputs.Essays.Where(e => e.IsAnchor != 0).ToArray();
        var projectionsAvailable = rows.Any(r => !r.IsAnchor && r.LetterGrade is not null);
        var reliability = result.Diagnostics.Reliability;
        var bias = result.Diagnostics.PositionBias;
        var metadata = new AssessmentMetadata(
            anchors.Length,
            projectionsAvailable ? "anchor" : "none",
            projectionsAvailable,
            inputs.Scale.Grades.ToDictionary(g => g, g => anchors.Count(a => inputs.Scale.IndexOf(a.AnchorGrade) == inputs.Scale.IndexOf(g)), StringComparer.Ordinal),
            result.ComparisonsSucceeded,
            result.ComparisonsFailed,
            result.ComparisonsRequested,
            result.Reason,
            new ResultReliability(
                Finite(reliability.Ssr), Finite(reliability.SeparationIndex), Finite(result.Diagnostics.SplitHalf?.SpearmanBrown),
                Finite(result.Diagnostics.HonestReliability?.Value), Finite(result.Diagnostics.HonestReliability?.AbilitySd)),
            new ResultPositionBias(Finite(bias.FirstPositionWinRate), Finite(bias.SwapConsistency), Finite(result.Fit.PositionEffect?.Eta)),
            inputs.CostUsd,
            Math.Max(0, (inputs.Now - inputs.CreatedAt).TotalSeconds),
            request?.LlmConfigOverrides?.TemperatureOverride,
            request?.LlmConfigOverrides?.ReasoningEffort,
            request?.LlmConfigOverrides?.OutputVerbosity,
            request?.AssignmentId,
            request?.CourseCode ?? "");
        var batchId = inputs.Identity.BatchId.ToString("D");
        return new AssessmentResultV1(
            batchId,
            inputs.Identity.JobId ?? batchId,
            request?.AssignmentId,
            request?.CourseCode ?? "",
            "cj_assessment",
            inputs.Model,
            inputs.Provider,
            null,
            DbTime.Wire(inputs.Now),
            inputs.Scale.Name,
            [.. inputs.Scale.ReportableGrades],
            rows,
            metadata);
    }

    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}
