using Cj.Core.Workflow;
using Cj.Runner.Inventory;
using Cj.Runner.Run;

namespace Cj.Runner.Plan;

/// <summary>
/// The comparison budget and an estimated token and cost range. The budget is the CJ service's default,
/// ⌈15·n/2⌉ comparisons for n essays, lowered by <c>--max-comparisons</c> and by the pair supply n(n−1)
/// (every pair at most twice). The low end of the range is the earliest a batch may stop (12 successes, or one
/// connecting wave of n comparisons); the high end is the whole budget. Tokens are estimated at four characters
/// a token, the common rule of thumb for English text.
/// </summary>
internal sealed record RunPlan(
    int Essays,
    int Budget,
    int DefaultBudget,
    int DefaultComparisonsPerEssay,
    int MinimumComparisons,
    double ComparisonsPerEssay,
    string Provider,
    string Model,
    int PromptTokensPerComparison,
    int CompletionTokensPerComparison,
    ModelPrice? Price,
    decimal? CostLowUsd,
    decimal? CostHighUsd)
{
    private const int PromptOverheadTokens = 250;
    private const int DefaultCompletionTokens = 150;

    public long PromptTokensLow => (long)PromptTokensPerComparison * MinimumComparisons;

    public long PromptTokensHigh => (long)PromptTokensPerComparison * Budget;

    public long CompletionTokensLow => (long)CompletionTokensPerComparison * MinimumComparisons;

    public long CompletionTokensHigh => (long)CompletionTokensPerComparison * Budget;

    /// <summary>
    /// The plan of a run: the budget is the service's (<paramref name="engine"/>: <c>MAX_PAIRWISE_COMPARISONS</c> or
    /// <c>DEFAULT_COMPARISONS_PER_ESSAY</c>·n/2), lowered by <c>--max-comparisons</c>; the low cost estimate is the
    /// fewest comparisons before an early stop may fire.
    /// </summary>
    public static RunPlan Create(AssetInventory inventory, RunSettings settings, PriceTable prices, EngineSettings engine)
    {
        var essays = inventory.Anchors.Count + inventory.Students.Count;
        var defaultBudget = (int)Math.Ceiling(engine.DefaultComparisonsPerEssay * essays / 2.0);
        var budget = Math.Min(engine.CapFor(essays, settings.MaxComparisons), essays * (essays - 1));
        var minimum = Math.Min(budget, Math.Max(engine.MinComparisonsForStabilityCheck, essays));
        var model = settings.LlmModel ?? prices.DefaultModel(settings.LlmProvider) ?? "default";
        var price = prices.Find(settings.LlmProvider, model);
        var all = inventory.Anchors.Concat(inventory.Students).ToArray();
        var meanEssayTokens = all.Length == 0 ? 0 : all.Average(e => Tokens(e.File.Text));
        var fixedText = Tokens(inventory.Instructions.Text) + Tokens(inventory.Prompt.Text) + Tokens(inventory.Rubric?.Text ?? "");
        var promptTokens = (int)Math.Round(fixedText + (2 * meanEssayTokens) + PromptOverheadTokens);
        var completionTokens = Math.Min(settings.LlmMaxTokens ?? DefaultCompletionTokens, DefaultCompletionTokens);
        decimal? Cost(int comparisons) => price is null
            ? null
            : Math.Round(((price.Input * promptTokens) + (price.Output * completionTokens)) * comparisons / 1_000_000m, 4);
        return new RunPlan(
            essays, budget, defaultBudget, engine.DefaultComparisonsPerEssay, minimum, essays == 0 ? 0 : 2.0 * budget / essays, settings.LlmProvider, model,
            promptTokens, completionTokens, price, Cost(minimum), Cost(budget));
    }

    private static double Tokens(string text) => text.Length / 4.0;
}
