using System.Text.Json;
using Cj.Core;

namespace Cj.Runner.Analyse;

/// <summary>
/// Judgements to analyse, read from a CSV with a header or from an assessment artefact. Essay ids are strings;
/// the sequence is the row order.
/// </summary>
internal sealed record JudgementInput(
    IReadOnlyList<EssayId> Essays,
    IReadOnlyList<Judgement> Judgements,
    IReadOnlyDictionary<string, string> AnchorGrades,
    string? GradeScale)
{
    /// <summary>Rows that were read but not used, each naming its line and the reason.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    private static readonly string[] WinnerNames = ["winner", "chosen", "candidate_chosen", "winner_id"];
    private static readonly string[] LoserNames = ["loser", "not_chosen", "candidate_not_chosen", "loser_id"];
    private static readonly string[] JudgeNames = ["judge", "judge_id", "rater"];
    private static readonly string[] FirstNames = ["shown_first", "first_shown", "first"];

    public static JudgementInput Read(string path, string? winnerColumn, string? loserColumn)
    {
        if (!File.Exists(path))
        {
            throw new InputException($"{path}: file not found.");
        }

        return Path.GetExtension(path).Equals(".json", StringComparison.OrdinalIgnoreCase)
            ? FromArtefact(path)
            : FromCsv(path, winnerColumn, loserColumn);
    }

    private static JudgementInput FromCsv(string path, string? winnerColumn, string? loserColumn)
    {
        var table = CsvTable.Read(path);
        var winner = Column(table, winnerColumn, WinnerNames, "winner", "--winner-column");
        var loser = Column(table, loserColumn, LoserNames, "loser", "--loser-column");
        var judge = table.Find(JudgeNames);
        var first = table.Find(FirstNames);
        var judgements = new List<Judgement>(table.Rows.Count);
        var skipped = new List<string>();
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var row = table.Rows[r];
            var line = r + 2;
            var w = Cell(table, row, winner, line);
            var l = Cell(table, row, loser, line);
            if (w == l)
            {
                skipped.Add($"{path}, line {line}: winner and loser are the same essay '{w}'; skipped.");
                continue;
            }

            EssayId? shownFirst = null;
            if (first >= 0 && first < row.Count && !string.IsNullOrWhiteSpace(row[first]))
            {
                var f = row[first].Trim();
                shownFirst = f == w || f == l
                    ? new EssayId(f)
                    : throw new InputException($"{path}, line {line}: '{table.Header[first]}' is '{f}', neither the winner nor the loser.");
            }

            var judgeId = judge >= 0 && judge < row.Count ? row[judge].Trim() : null;
            judgements.Add(new Judgement(new EssayId(w), new EssayId(l), shownFirst, judgeId, r));
        }

        if (judgements.Count == 0)
        {
            throw new InputException(skipped.Count == 0
                ? $"{path}: no judgements after the header row."
                : $"{path}: no usable judgements; every row compares an essay with itself.");
        }

        return new JudgementInput(EssaysOf(judgements), judgements, new Dictionary<string, string>(), null) { Warnings = skipped };
    }

    private static int Column(CsvTable table, string? given, string[] names, string role, string flag)
    {
        var index = given is null ? table.Find(names) : table.Find(given);
        if (index >= 0)
        {
            return index;
        }

        var header = string.Join(", ", table.Header);
        return given is null
            ? throw new InputException($"{table.Path}: no {role} column; expected one of {string.Join(", ", names)} (or name it with {flag}). Header: {header}.")
            : throw new InputException($"{table.Path}: no column named '{given}' ({flag}). Header: {header}.");
    }

    private static string Cell(CsvTable table, IReadOnlyList<string> row, int column, int line)
    {
        var value = column < row.Count ? row[column].Trim() : "";
        return value.Length > 0
            ? value
            : throw new InputException($"{table.Path}, line {line}: column '{table.Header[column]}' is empty.");
    }

    private static List<EssayId> EssaysOf(IEnumerable<Judgement> judgements) =>
        [.. judgements.SelectMany(j => new[] { j.Winner, j.Loser }).Distinct().Order()];

    private static JudgementInput FromArtefact(string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (JsonException e)
        {
            throw new InputException($"{path}: not valid JSON ({e.Message}).");
        }

        using (document)
        {
            return ArtefactReader.Read(path, document.RootElement);
        }
    }
}
