using Cj.Runner.Inventory;
using Cj.Runner.Plan;
using Cj.Runner.Run;

namespace Cj.Runner.Artefact;

/// <summary>
/// The artefact of a run that has not judged anything yet (plan and dry-run): every input with its checksum, every
/// essay with no scores, no comparisons, the cost estimate, and <c>results.status = "planned"</c>.
/// </summary>
internal static class StubArtefact
{
    public const string SchemaVersion = "2.0.0";

    public static AssessmentRun Build(RunContext run, RunPlan plan, PriceTable prices, IReadOnlyDictionary<string, ManifestEntry> manifest)
    {
        var (inventory, settings) = (run.Inventory, run.Settings);
        var promptRef = new StoragePointer(inventory.Prompt.StorageId);
        var essays = inventory.Anchors.Concat(inventory.Students)
            .OrderBy(e => e.EssayId, StringComparer.Ordinal)
            .Select(e => new EssayRecord(e.EssayId, e.IsAnchor, e.Grade, null, null, null, 0, 0, 0, null, null, null, promptRef))
            .ToArray();
        return new AssessmentRun(
            SchemaVersion,
            new ArtefactMetadata(
                settings.BatchLabel,
                run.BatchUuid,
                RunnerModes.Name(settings.Mode),
                CliEnvironmentProbe.RunnerVersion,
                run.GitSha,
                Timestamps.Format(run.StartedAt),
                settings.CjServiceUrl is null ? "embedded" : "distributed",
                settings.AssignmentId,
                settings.CourseCode,
                "en",
                settings.GradeScale.Name,
                settings.GradeScale.ReportableGrades,
                settings.MaxComparisons,
                plan.Budget,
                new ArtefactLlm(
                    plan.Provider, plan.Model, settings.LlmTemperature, settings.LlmMaxTokens, settings.LlmBatchingMode,
                    settings.ReasoningEffort, settings.OutputVerbosity, IsSynthetic(plan.Provider))),
            new ArtefactInputs(
                Document(inventory.Instructions),
                Document(inventory.Prompt),
                inventory.Rubric is { } rubric ? Document(rubric) : null,
                [.. inventory.Anchors.Select(a => new InputAnchor(a.EssayId, a.File.FileName, a.Grade!, a.File.SourcePath, a.File.Sha256, a.File.Bytes, a.File.StorageId))],
                [.. inventory.Students.Select(s => new InputStudent(s.EssayId, s.File.FileName, s.File.SourcePath, s.File.Sha256, s.File.Bytes, s.File.StorageId))]),
            new ArtefactResults("planned", null, [], [], essays, null),
            new ArtefactCosts(0m, [], new CostEstimate(
                plan.MinimumComparisons, plan.Budget, plan.PromptTokensLow, plan.PromptTokensHigh, plan.CompletionTokensLow,
                plan.CompletionTokensHigh, plan.CostLowUsd, plan.CostHighUsd, prices.AsOf)),
            new ArtefactValidation(
                "",
                manifest,
                new RunnerStatus(false, settings.CompletionTimeoutSeconds, null, new ObservedEvents(0, 0, 0, 0)),
                run.Environment));
    }

    public static bool IsSynthetic(string provider) => provider is "mock" or "simulated";

    private static InputDocument Document(AssetFile file) => new(file.SourcePath, file.Sha256, file.Bytes, file.StorageId);
}
