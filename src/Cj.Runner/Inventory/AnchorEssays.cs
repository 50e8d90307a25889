using Cj.Core.Grading;

namespace Cj.Runner.Inventory;

/// <summary>Reads the anchors folder: each essay's file, grade (anchors.csv or file-name suffix) and id.</summary>
internal static class AnchorEssays
{
    public static List<InventoryEssay> Read(
        string assets, string anchorsDirectory, IReadOnlyList<string> csvFiles, GradeScale scale, InventoryProblems problems)
    {
        var files = EssayFolder.List(anchorsDirectory, "anchor", problems);
        var labels = Labels(anchorsDirectory, csvFiles, files, problems, out var gradesKnown);
        var essays = new List<InventoryEssay>();
        var grades = new HashSet<string>(StringComparer.Ordinal);
        var gradeProblems = !gradesKnown;
        foreach (var path in files)
        {
            var file = problems.Try(() => AssetFile.Read(assets, path));
            if (!gradesKnown)
            {
                continue;
            }

            var stem = Path.GetFileNameWithoutExtension(path);
            string? grade;
            string idSource;
            if (labels is null)
            {
                grade = GradeFromName(path, stem, scale, problems);
                idSource = stem;
            }
            else if (!labels.TryGetValue(path, out var label))
            {
                problems.Add($"{path}: the anchor's grade cannot be determined: it is not listed in {csvFiles[0]}.");
                grade = null;
                idSource = stem;
            }
            else if (label is null)
            {
                continue;
            }
            else
            {
                grade = Resolve(scale, label.Grade);
                if (grade is null)
                {
                    problems.Add(
                        $"{csvFiles[0]}, line {label.Line}: grade '{label.Grade}' of {Path.GetFileName(path)} is not in {Describe(scale)}.");
                }

                idSource = label.AnchorId ?? stem;
            }

            if (grade is null)
            {
                gradeProblems = true;
                continue;
            }

            grades.Add(grade);
            if (file is not null)
            {
                essays.Add(new InventoryEssay(EssayIds.FromStem(idSource), file, IsAnchor: true, grade));
            }
        }

        // With a grade still to fix the count may change, so it is only judged once every grade is known.
        if (!gradeProblems && files.Count > 0 && grades.Count < 2)
        {
            problems.Add(
                $"{anchorsDirectory}: the anchors have fewer than two distinct grades ({string.Join(", ", grades)}); grade projection needs at least two.");
        }

        return essays;
    }

    private static IReadOnlyDictionary<string, AnchorLabel?>? Labels(
        string anchorsDirectory, IReadOnlyList<string> csvFiles, IReadOnlyList<string> files, InventoryProblems problems,
        out bool gradesKnown)
    {
        gradesKnown = true;
        if (csvFiles.Count > 1)
        {
            problems.Add($"{string.Join(" and ", csvFiles)}: two anchors.csv files; keep one.");
            gradesKnown = false;
            return null;
        }

        if (csvFiles.Count == 0)
        {
            return null;
        }

        var labels = AnchorsCsv.Read(csvFiles[0], anchorsDirectory, files, problems);
        gradesKnown = labels is not null;
        return labels;
    }

    /// <summary>The last '_'-separated token of the stem (<c>anchor_07_C+</c> gives C+); a stem without '_' may be a grade itself.</summary>
    private static string? GradeFromName(string path, string stem, GradeScale scale, InventoryProblems problems)
    {
        var cut = stem.LastIndexOf('_');
        var token = stem[(cut + 1)..];
        var grade = Resolve(scale, token);
        if (grade is null && (cut < 0 || token.Trim().Length == 0))
        {
            problems.Add(
                $"{path}: the anchor's grade cannot be determined: there is no anchors.csv and the file name has no _GRADE suffix (e.g. anchor_01_C+.txt).");
        }
        else if (grade is null)
        {
            problems.Add($"{path}: grade '{token}' (from the file name) is not in {Describe(scale)}.");
        }

        return grade;
    }

    /// <summary>The scale's spelling of <paramref name="label"/>: exact after normalisation, else the only case-insensitive match.</summary>
    private static string? Resolve(GradeScale scale, string label)
    {
        var index = scale.IndexOf(label);
        if (index >= 0)
        {
            return scale.Grades[index];
        }

        var normalised = GradeScale.NormaliseLabel(label);
        var loose = scale.Grades.Where(g => string.Equals(g, normalised, StringComparison.OrdinalIgnoreCase)).ToArray();
        return loose.Length == 1 ? loose[0] : null;
    }

    private static string Describe(GradeScale scale) => $"grade scale {scale.Name} ({string.Join(", ", scale.Grades)})";
}
