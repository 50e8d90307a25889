using System.Diagnostics;
using Cj.Core.Grading;

namespace Cj.Runner.Inventory;

/// <summary>
/// Reads and validates an assets folder (see <c>40-runner.md</c>, "Assets folder"). Bad input never half-runs: every
/// problem found is collected and reported in one <see cref="InputException"/>, one per line, each naming its file.
/// </summary>
internal static class AssetInventoryReader
{
    public static AssetInventory Read(string assetsDirectory, GradeScale scale)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(assetsDirectory);
        ArgumentNullException.ThrowIfNull(scale);
        var assets = Path.TrimEndingDirectorySeparator(Path.GetFullPath(assetsDirectory));
        RequireNonEmptyFolder(assets);

        var problems = new InventoryProblems();
        var layout = AssetDiscovery.Discover(assets, problems);
        var loaded = new Dictionary<string, AssetFile?>(StringComparer.Ordinal);
        AssetFile? Load(string? path)
        {
            if (path is null)
            {
                return null;
            }

            // The instructions and the prompt may be one file: read it once, report it once.
            if (!loaded.TryGetValue(path, out var file))
            {
                file = problems.Try(() => AssetFile.Read(assets, path));
                loaded[path] = file;
            }

            return file;
        }

        var instructions = Load(layout.Instructions);
        var prompt = Load(layout.Prompt);
        var rubric = Load(layout.Rubric);
        var anchors = layout.AnchorsDirectory is null
            ? []
            : AnchorEssays.Read(assets, layout.AnchorsDirectory, layout.AnchorsCsvFiles, scale, problems);
        var students = layout.StudentsDirectory is null ? [] : Students(assets, layout.StudentsDirectory, problems);
        InventoryChecks.Check(anchors, students, problems);
        problems.ThrowIfAny(assets);

        return new AssetInventory(
            assets,
            instructions ?? throw new UnreachableException("A missing instructions file is a reported problem."),
            prompt ?? throw new UnreachableException("A missing prompt file is a reported problem."),
            rubric,
            [.. anchors.OrderBy(e => e.EssayId, StringComparer.Ordinal)],
            [.. students.OrderBy(e => e.EssayId, StringComparer.Ordinal)]);
    }

    private static void RequireNonEmptyFolder(string assets)
    {
        if (File.Exists(assets))
        {
            throw new InputException($"{assets}: a file, not an assets folder.");
        }

        if (!Directory.Exists(assets))
        {
            throw new InputException($"{assets}: assets folder not found.");
        }

        var problems = new InventoryProblems();
        if (AssetNames.Entries(assets, folders: false, problems).Length == 0
            && AssetNames.Entries(assets, folders: true, problems).Length == 0)
        {
            problems.ThrowIfAny(assets);
            throw new InputException($"{assets}: the assets folder is empty.");
        }
    }

    private static List<InventoryEssay> Students(string assets, string studentsDirectory, InventoryProblems problems)
    {
        var essays = new List<InventoryEssay>();
        foreach (var path in EssayFolder.List(studentsDirectory, "student", problems))
        {
            var file = problems.Try(() => AssetFile.Read(assets, path));
            if (file is not null)
            {
                essays.Add(new InventoryEssay(EssayIds.FromStem(Path.GetFileNameWithoutExtension(path)), file, IsAnchor: false, null));
            }
        }

        return essays;
    }
}
