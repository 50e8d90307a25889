using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Cj.Runner.Analyse;

/// <summary>Renders an <see cref="AnalyseResult"/> as JSON, CSV (one row per essay) or a readable table.</summary>
internal static class AnalyseWriter
{
    public static string Render(AnalyseResult result, AnalyseFormat format) => format switch
    {
        AnalyseFormat.Json => JsonSerializer.Serialize(result, JsonDefaults.Options) + "\n",
        AnalyseFormat.Csv => Csv(result),
        _ => AnalyseTable.Render(result),
    };

    private static string Csv(AnalyseResult result)
    {
        var grades = result.Essays.Select(e => e.GradeProjection).OfType<GradeProjectionOutput>().FirstOrDefault()?.Probabilities.Keys.ToArray() ?? [];
        var text = new StringBuilder();
        var header = new List<string>
        {
            "essay_id", "ability", "standard_error", "rank", "component", "comparison_count", "wins", "losses", "infit", "outfit",
            "is_anchor", "anchor_grade", "grade", "confidence_score", "confidence_label", "expected_grade_index",
        };
        header.AddRange(grades.Select(g => $"p_{g}"));
        text.AppendLine(string.Join(',', header.Select(Quote)));
        foreach (var e in result.Essays)
        {
            var p = e.GradeProjection;
            var cells = new List<string>
            {
                e.EssayId, Number(e.Ability), Number(e.StandardError), Number(e.Rank), Number(e.Component), Number(e.ComparisonCount),
                Number(e.Wins), Number(e.Losses), Number(e.Infit), Number(e.Outfit), e.IsAnchor ? "true" : "false", e.AnchorGrade ?? "",
                p?.Grade ?? "", Number(p?.ConfidenceScore), p?.ConfidenceLabel ?? "", Number(p?.ExpectedGradeIndex),
            };
            cells.AddRange(grades.Select(g => p is null ? "" : Number(p.Probabilities[g])));
            text.AppendLine(string.Join(',', cells.Select(Quote)));
        }

        return text.ToString();
    }

    private static string Number(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "";

    private static string Quote(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : cell;
}
