using Cj.Core.Grading;

namespace Cj.Runner.Analyse;

/// <summary>Reads an anchors CSV (<c>essay_id,grade</c>) and checks every grade against the scale.</summary>
internal static class AnchorFile
{
    public static IReadOnlyDictionary<string, string> Read(string path, GradeScale scale)
    {
        var table = CsvTable.Read(path);
        var id = table.Find("essay_id", "id", "anchor_id", "file_name");
        var grade = table.Find("grade", "anchor_grade");
        if (id < 0 || grade < 0)
        {
            throw new InputException($"{path}: expected columns essay_id and grade. Header: {string.Join(", ", table.Header)}.");
        }

        var anchors = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var row = table.Rows[r];
            var line = r + 2;
            var essay = id < row.Count ? row[id].Trim() : "";
            var label = grade < row.Count ? GradeScale.NormaliseLabel(row[grade]) : "";
            if (essay.Length == 0 || label.Length == 0)
            {
                throw new InputException($"{path}, line {line}: essay_id and grade must both be given.");
            }

            if (scale.IndexOf(label) < 0)
            {
                throw new InputException(
                    $"{path}, line {line}: grade '{label}' of anchor '{essay}' is not in grade scale {scale.Name} ({string.Join(", ", scale.Grades)}).");
            }

            if (!anchors.TryAdd(essay, label))
            {
                throw new InputException($"{path}, line {line}: anchor '{essay}' is listed twice.");
            }
        }

        return anchors;
    }
}
