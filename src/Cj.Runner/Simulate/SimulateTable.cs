using System.Globalization;
using System.Text;
using Cj.Core.Simulation;

namespace Cj.Runner.Simulate;

/// <summary>The human-readable <c>--format table</c> output: the policies side by side, then the checkpoints.</summary>
internal static class SimulateTable
{
    public static string Render(IReadOnlyList<SimulationSummary> summaries)
    {
        var first = summaries[0].Scenario;
        var graded = first.Anchors > 0;
        var text = new StringBuilder();
        var anchors = graded ? $"{first.Anchors} anchors over {first.Grades} grades" : "no anchors";
        text.AppendLine(CultureInfo.InvariantCulture, $"Simulation: {first.Students} students, {anchors}, spread {F(first.Spread, 2)} logits, judge {first.Judge.Name}, up to {first.MaxComparisonsPerEssay} comparisons per essay, {first.Runs} runs, seed {first.Seed}");
        text.AppendLine("Thresholds: comparisons until first reached, mean / median (runs that reached it). Stop: where the default stop rules end a batch.");
        text.AppendLine();

        var rows = new List<string[]>
        {
            Row("per essay to Spearman ≥ 0.90", summaries, s => Threshold(s.ComparisonsPerEssayForSpearman, s.Scenario.Runs)),
            Row("per essay to r² ≥ 0.90", summaries, s => Threshold(s.ComparisonsPerEssayForTrueReliability, s.Scenario.Runs)),
        };
        if (graded)
        {
            rows.Add(Row("per student to 90% with P(grade) ≥ 0.90", summaries, s => Threshold(s.ComparisonsPerStudentForGradeCertainty!, s.Scenario.Runs)));
        }

        rows.Add(Row("stop: comparisons per essay", summaries, s => F(s.AtStop.ComparisonsPerEssay, 1)));
        rows.Add(Row("stop: reasons", summaries, s => string.Join(", ", s.StopReasons.Select(r => $"{r.Key} {r.Value}"))));
        rows.Add(Row("stop: Spearman / r²", summaries, s => $"{F(s.AtStop.Spearman, 3)} / {F(s.AtStop.TrueReliability, 3)}"));
        rows.Add(Row("stop: SSR − r² (mean |SSR − r²|)", summaries, s => $"{F(s.AtStop.SsrMinusTrueReliability, 3)} ({F(s.AtStop.AbsoluteSsrMinusTrueReliability, 3)})"));
        rows.Add(Row("stop: EB reliability − r² (mean |·|)", summaries, s => $"{F(s.AtStop.EbMinusTrueReliability, 3)} ({F(s.AtStop.AbsoluteEbMinusTrueReliability, 3)})"));
        rows.Add(Row("stop: 95% coverage", summaries, s => F(s.AtStop.Coverage, 3)));
        if (graded)
        {
            rows.Add(Row("stop: grades exact / adjacent", summaries, s => s.AtStop.Grades is { } g ? $"{F(g.Exact, 3)} / {F(g.Adjacent, 3)}" : "n/a"));
            rows.Add(Row("stop: boundary RMSE / ECE", summaries, s => s.AtStop.Grades is { } g ? $"{F(g.BoundaryRmse, 3)} / {F(g.ExpectedCalibrationError, 3)}" : "n/a"));
        }

        rows.Add(Row("cap: Spearman / r²", summaries, s => $"{F(s.AtCap.Spearman, 3)} / {F(s.AtCap.TrueReliability, 3)}"));
        rows.Add(Row("cap: SSR mean / p99", summaries, s => $"{F(s.AtCap.Ssr.Mean, 3)} / {F(s.AtCap.Ssr.P99, 3)}"));
        rows.Add(Row("cap: EB reliability mean / p99", summaries, s => $"{F(s.AtCap.EbReliability.Mean, 3)} / {F(s.AtCap.EbReliability.P99, 3)}"));
        rows.Add(Row("cap: η̂ mean", summaries, s => F(s.AtCap.Eta, 3)));
        Table(text, ["", .. summaries.Select(s => SimulateJson.PolicyName(s.Scenario.Policy))], rows, left: [0]);

        text.AppendLine();
        text.AppendLine("Checkpoints: means over runs at the first wave end with at least this many comparisons per essay.");
        string[] header = graded
            ? ["per essay", "policy", "runs", "Spearman", "r²", "SSR", "SSR − r²", "coverage", "exact", "adjacent"]
            : ["per essay", "policy", "runs", "Spearman", "r²", "SSR", "SSR − r²", "coverage"];
        var checkpoints = summaries
            .SelectMany(s => s.Checkpoints.Select(c => (Policy: SimulateJson.PolicyName(s.Scenario.Policy), c.ComparisonsPerEssay, c.Statistics)))
            .OrderBy(c => c.ComparisonsPerEssay)
            .Select(c => Checkpoint(c.ComparisonsPerEssay, c.Policy, c.Statistics, graded))
            .ToList();
        Table(text, header, checkpoints, left: [1]);
        return text.ToString();
    }

    private static string[] Checkpoint(int perEssay, string policy, WaveStatistics s, bool graded)
    {
        string[] cells =
        [
            perEssay.ToString(CultureInfo.InvariantCulture), policy, s.Runs.ToString(CultureInfo.InvariantCulture),
            F(s.Spearman, 3), F(s.TrueReliability, 3), F(s.Ssr.Mean, 3), F(s.SsrMinusTrueReliability, 3), F(s.Coverage, 3),
        ];
        return graded ? [.. cells, F(s.Grades?.Exact, 3), F(s.Grades?.Adjacent, 3)] : cells;
    }

    private static string[] Row(string label, IReadOnlyList<SimulationSummary> summaries, Func<SimulationSummary, string> cell) =>
        [label, .. summaries.Select(cell)];

    private static string Threshold(ThresholdSummary t, int runs) =>
        t.Reached == 0 ? $"not reached (0/{runs})" : $"{F(t.Mean, 1)} / {F(t.Median, 1)} ({t.Reached}/{runs})";

    /// <summary>Writes an aligned table: the columns in <paramref name="left"/> left-aligned, the rest right-aligned.</summary>
    private static void Table(StringBuilder text, string[] header, List<string[]> rows, int[] left)
    {
        var widths = header.Select((h, k) => Math.Max(h.Length, rows.Select(r => r[k].Length).DefaultIfEmpty(0).Max())).ToArray();
        text.AppendLine(Line(header, widths, left));
        text.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in rows)
        {
            text.AppendLine(Line(row, widths, left));
        }
    }

    private static string Line(string[] cells, int[] widths, int[] left) =>
        string.Join("  ", cells.Select((c, k) => left.Contains(k) ? c.PadRight(widths[k]) : c.PadLeft(widths[k]))).TrimEnd();

    private static string F(double? value, int digits) =>
        value is { } v && double.IsFinite(v) ? (Math.Round(v, digits, MidpointRounding.AwayFromZero) + 0.0).ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : "n/a";
}
