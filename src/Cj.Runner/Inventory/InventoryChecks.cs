namespace Cj.Runner.Inventory;

/// <summary>Checks across all essays: no essay is both an anchor and a student, and every id is unique.</summary>
internal static class InventoryChecks
{
    public static void Check(IReadOnlyList<InventoryEssay> anchors, IReadOnlyList<InventoryEssay> students, InventoryProblems problems)
    {
        var reported = new HashSet<(string, string)>();
        foreach (var anchor in anchors)
        {
            foreach (var student in students)
            {
                var reason = AssetNames.Is(anchor.File.FileName, student.File.FileName) ? "same file name"
                    : anchor.File.StorageId == student.File.StorageId ? "same text"
                    : null;
                if (reason is not null)
                {
                    problems.Add(
                        $"{anchor.File.FullPath} and {student.File.FullPath}: the same essay is both an anchor and a student ({reason}); keep one.");
                    reported.Add((anchor.File.FullPath, student.File.FullPath));
                }
            }
        }

        foreach (var group in anchors.Concat(students).GroupBy(e => e.EssayId, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var paths = group.Select(e => e.File.FullPath).ToArray();
            if (paths.Length == 2 && reported.Contains((paths[0], paths[1])))
            {
                continue;
            }

            var hint = group.Any(e => e.IsAnchor) ? "rename one of the files (or give the anchor another anchor_id in anchors.csv)" : "rename one of the files";
            problems.Add($"{string.Join(" and ", paths)}: {(paths.Length == 2 ? "both" : "all")} map to essay id '{group.Key}'; {hint}.");
        }
    }
}
