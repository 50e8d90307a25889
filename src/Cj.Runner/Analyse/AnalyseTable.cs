using System.Globalization;
using System.Text;

namespace Cj.Runner.Analyse;

/// <summary>The human-readable <c>--format table</c> output: a summary, then essays by rank.</summary>
internal static class AnalyseTable
{
    public static string Render(AnalyseResult r)
    {
        var text = new StringBuilder();
        var reliability = r.Reliability;
        text.AppendLine(CultureInfo.InvariantCulture, $"Bradley–Terry fit ({r.Method}): {r.Items} essays, {r.Judgements} judgements, {r.Components} component(s), {(r.Converged ? "converged" : "NOT converged")} in {r.Iterations} iterations");
        if (r.Flags.Count > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Flags: {string.Join(", ", r.Flags)}");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"Reliability: SSR {F(reliability.Ssr, 3)}, separation G {F(reliability.SeparationIndex, 2)}, split-half {SplitHalf(reliability.SplitHalf)}, mean SE {F(reliability.MeanStandardError, 3)}, empirical-Bayes {F(reliability.EbReliability, 3)} (ability SD {F(reliability.AbilitySd, 2)})");
        if (r.PositionEffect is { } p)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Position effect: η {F(p.Eta, 3)} (SE {F(p.StandardError, 3)}), first-shown win chance at equal ability {F(p.FirstShownWinProbability, 3)}");
        }

        if (r.Calibration is { } c)
        {
            var edges = string.Join("  ", c.Grades.Skip(1).Zip(c.Boundaries, (g, b) => $"{g.Grade} ≥ {F(b, 2)}"));
            text.AppendLine(CultureInfo.InvariantCulture, $"Grade boundaries ({r.GradeScale}, boundary SD {F(c.BoundarySd, 3)}): {edges}");
        }

        text.AppendLine();
        var rows = r.Essays.OrderBy(e => e.Rank).Select(e => new[]
        {
            e.Rank.ToString(CultureInfo.InvariantCulture),
            e.EssayId,
            F(e.Ability, 3),
            F(e.StandardError, 3),
            $"{e.Wins}-{e.Losses}",
            F(e.Infit, 2),
            F(e.Outfit, 2),
            e.IsAnchor ? $"anchor {e.AnchorGrade}" : e.GradeProjection?.Grade ?? (e.ProjectionUnavailable is { } u ? $"({u})" : ""),
            e.GradeProjection is { } g ? $"{F(g.ConfidenceScore, 2)} {g.ConfidenceLabel}" : "",
        }).ToList();
        string[] header = ["rank", "essay", "ability", "SE", "W-L", "infit", "outfit", "grade", "confidence"];
        var widths = header.Select((h, k) => Math.Max(h.Length, rows.Select(row => row[k].Length).DefaultIfEmpty(0).Max())).ToArray();
        text.AppendLine(Line(header, widths));
        text.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in rows)
        {
            text.AppendLine(Line(row, widths));
        }

        return text.ToString();
    }

    private static string Line(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((c, k) => k is 0 or 2 or 3 or 5 or 6 ? c.PadLeft(widths[k]) : c.PadRight(widths[k]))).TrimEnd();

    private static string SplitHalf(SplitHalfOutput? s) =>
        s is null ? "n/a" : $"{F(s.MedianCorrelation, 3)} (Spearman–Brown {F(s.SpearmanBrown, 3)}, {s.Splits} splits by {s.Mode})";

    private static string F(double? value, int digits) =>
        value is { } v && double.IsFinite(v) ? v.ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : "n/a";
}
