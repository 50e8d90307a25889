using Cj.Runner.Analyse;

namespace Cj.Runner.Inventory;

/// <summary>Reads anchors.csv (<c>file_name,grade[,anchor_id]</c> with a header row) against the anchor files.</summary>
internal static class AnchorsCsv
{
    /// <summary>
    /// The labels keyed by the anchor's full path, or null when the file cannot be used at all. A file whose row was
    /// rejected (a duplicate anchor_id) maps to null: its problem is already reported.
    /// </summary>
    public static IReadOnlyDictionary<string, AnchorLabel?>? Read(
        string csvPath, string anchorsDirectory, IReadOnlyList<string> anchorFiles, InventoryProblems problems)
    {
        var table = problems.Try(() => CsvTable.Read(csvPath));
        if (table is null)
        {
            return null;
        }

        var fileColumn = table.Find("file_name", "file");
        var gradeColumn = table.Find("grade", "anchor_grade");
        var idColumn = table.Find("anchor_id", "essay_id");
        if (fileColumn < 0 || gradeColumn < 0)
        {
            problems.Add($"{csvPath}: expected the columns file_name,grade[,anchor_id]; the header is {string.Join(",", table.Header)}.");
            return null;
        }

        var labels = new Dictionary<string, AnchorLabel?>(StringComparer.Ordinal);
        var ids = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var row = table.Rows[r];
            var line = r + 2;
            var where = $"{csvPath}, line {line}";
            var name = Cell(row, fileColumn);
            var grade = Cell(row, gradeColumn);
            var id = Cell(row, idColumn);
            if (name.Length == 0 || grade.Length == 0)
            {
                problems.Add($"{where}: file_name and grade must both be given.");
                continue;
            }

            var file = Match(anchorFiles, Path.GetFileName(name.Replace('\\', '/')));
            if (file is null)
            {
                problems.Add($"{where}: '{name}' is not an anchor essay in {anchorsDirectory}.");
            }
            else if (labels.TryGetValue(file, out var first))
            {
                var earlier = first is null ? "" : $" (first on line {first.Line})";
                problems.Add($"{where}: '{name}' is listed twice{earlier}.");
            }
            else if (id.Length > 0 && !ids.TryAdd(id, line))
            {
                problems.Add($"{where}: anchor_id '{id}' of '{name}' is listed twice (first on line {ids[id]}).");
                labels[file] = null;
            }
            else
            {
                labels[file] = new AnchorLabel(file, grade, id.Length > 0 ? id : null, line);
            }
        }

        return labels;
    }

    private static string Cell(IReadOnlyList<string> row, int column) =>
        column >= 0 && column < row.Count ? row[column].Trim() : "";

    /// <summary>The anchor file named <paramref name="name"/>: an exact match, else the only case-insensitive one.</summary>
    private static string? Match(IReadOnlyList<string> anchorFiles, string name)
    {
        var exact = anchorFiles.FirstOrDefault(f => string.Equals(Path.GetFileName(f), name, StringComparison.Ordinal));
        if (exact is not null)
        {
            return exact;
        }

        var loose = anchorFiles.Where(f => AssetNames.Is(Path.GetFileName(f), name)).ToArray();
        return loose.Length == 1 ? loose[0] : null;
    }
}
