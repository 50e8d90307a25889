using System.Globalization;
using System.Text;
using Cj.Runner.Artefact;
using Cj.Runner.Inventory;
using Cj.Runner.Run;

namespace Cj.Runner.Plan;

/// <summary>The human-readable plan: inputs with checksums, anchors by grade, students, effective settings, budget and estimate.</summary>
internal static class PlanTable
{
    public static string Render(RunContext run, RunPlan plan, PriceTable prices)
    {
        var (inventory, settings) = (run.Inventory, run.Settings);
        var text = new StringBuilder();
        text.AppendLine(Invariant($"ENG5 NP runner — {RunnerModes.Name(settings.Mode)} of batch '{settings.BatchLabel}'"));
        text.AppendLine(Invariant($"Assets: {settings.AssetsDirectory}"));
        text.AppendLine();
        var files = new List<AssetFile> { inventory.Instructions };
        if (inventory.Prompt.SourcePath != inventory.Instructions.SourcePath)
        {
            files.Add(inventory.Prompt);
        }

        if (inventory.Rubric is { } rubric)
        {
            files.Add(rubric);
        }

        Table(text, ["document", "file", "bytes", "sha256"], files.Select(f => new[]
        {
            Role(inventory, f), f.SourcePath, f.Bytes.ToString(CultureInfo.InvariantCulture), f.Sha256[..12] + "…",
        }));
        text.AppendLine();
        text.AppendLine(Invariant($"Anchors by grade ({settings.GradeScale.Name}): {inventory.Anchors.Count} anchors, {inventory.Anchors.Select(a => a.Grade).Distinct().Count()} grades"));
        var byGrade = inventory.Anchors.GroupBy(a => a.Grade!).OrderByDescending(g => settings.GradeScale.IndexOf(g.Key));
        Table(text, ["grade", "anchors", "essay ids"], byGrade.Select(g => new[]
        {
            g.Key, g.Count().ToString(CultureInfo.InvariantCulture), string.Join(", ", g.Select(a => a.EssayId)),
        }));
        text.AppendLine();
        text.AppendLine(Invariant($"Students: {inventory.Students.Count}"));
        Table(text, ["essay id", "file", "bytes", "sha256"], inventory.Students.Select(s => new[]
        {
            s.EssayId, s.File.SourcePath, s.File.Bytes.ToString(CultureInfo.InvariantCulture), s.File.Sha256[..12] + "…",
        }));
        text.AppendLine();
        text.AppendLine("Settings:");
        Table(text, ["setting", "value"], Settings(settings, plan));
        text.AppendLine();
        text.AppendLine(Invariant($"Budget: {plan.Budget} comparisons for {plan.Essays} essays ({plan.ComparisonsPerEssay:F1} per essay; service default {plan.DefaultBudget}, {plan.DefaultComparisonsPerEssay} per essay)"));
        text.AppendLine(Invariant($"Estimate: {plan.MinimumComparisons}–{plan.Budget} comparisons; prompt tokens {plan.PromptTokensLow:N0}–{plan.PromptTokensHigh:N0} (~{plan.PromptTokensPerComparison:N0} per comparison), completion tokens {plan.CompletionTokensLow:N0}–{plan.CompletionTokensHigh:N0}"));
        text.AppendLine(plan.Price is { } price
            ? Invariant($"Cost: ${plan.CostLowUsd:F4}–${plan.CostHighUsd:F4} for {plan.Provider}/{plan.Model} at ${price.Input}/M input, ${price.Output}/M output tokens (price table of {prices.AsOf}; cached input would cost less)")
            : Invariant($"Cost: unknown — {plan.Provider}/{plan.Model} is not in the price table (of {prices.AsOf})"));
        if (StubArtefact.IsSynthetic(plan.Provider))
        {
            text.AppendLine(Invariant($"Note: provider '{plan.Provider}' gives synthetic verdicts; set an API key (e.g. OPENAI_API_KEY) or --llm-provider for real judgements."));
        }

        return text.ToString();
    }

    private static IEnumerable<string[]> Settings(RunSettings s, RunPlan plan) =>
    [
        ["stack", s.CjServiceUrl is null ? "embedded (no servers)" : $"distributed ({s.CjServiceUrl})"],
        ["llm provider / model", $"{plan.Provider} / {plan.Model}"],
        ["llm temperature", s.LlmTemperature?.ToString("0.0##", CultureInfo.InvariantCulture) ?? "service default"],
        ["llm max tokens", s.LlmMaxTokens?.ToString(CultureInfo.InvariantCulture) ?? "service default"],
        ["reasoning effort / verbosity", $"{s.ReasoningEffort ?? "default"} / {s.OutputVerbosity ?? "default"}"],
        ["batching mode", s.LlmBatchingMode],
        ["max comparisons", s.MaxComparisons?.ToString(CultureInfo.InvariantCulture) ?? "not set (service budget)"],
        ["grade scale", $"{s.GradeScale.Name} ({string.Join(", ", s.GradeScale.Grades)})"],
        ["assignment / course", $"{s.AssignmentId ?? "none (guest run)"} / {s.CourseCode}"],
        ["system prompt / rubric", $"{(s.SystemPromptPath is null ? "default" : s.SystemPromptPath)} / {(s.RubricPath ?? "assets rubric or default")}"],
        ["output folder", s.OutputDirectory],
        ["completion timeout", $"{s.CompletionTimeoutSeconds} s"],
    ];

    private static string Role(AssetInventory inventory, AssetFile file) =>
        file == inventory.Rubric ? "rubric"
        : file.SourcePath == inventory.Instructions.SourcePath && file.SourcePath == inventory.Prompt.SourcePath ? "instructions + prompt"
        : file.SourcePath == inventory.Instructions.SourcePath ? "instructions"
        : "prompt";

    private static void Table(StringBuilder text, string[] header, IEnumerable<string[]> rows)
    {
        var all = rows.ToList();
        var widths = header.Select((h, k) => Math.Max(h.Length, all.Select(r => r[k].Length).DefaultIfEmpty(0).Max())).ToArray();
        text.AppendLine("  " + string.Join("  ", header.Select((h, k) => h.PadRight(widths[k]))).TrimEnd());
        text.AppendLine("  " + string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in all)
        {
            text.AppendLine("  " + string.Join("  ", row.Select((c, k) => c.PadRight(widths[k]))).TrimEnd());
        }
    }

    private static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
