namespace Cj.Runner.Inventory;

/// <summary>Lists the essay files of an anchors or students folder, reporting anything that is not an essay.</summary>
internal static class EssayFolder
{
    /// <summary>The readable essay files of <paramref name="directory"/>, by name; <paramref name="kind"/> ("anchor" or "student") is for messages.</summary>
    public static IReadOnlyList<string> List(string directory, string kind, InventoryProblems problems)
    {
        var essays = new List<string>();
        foreach (var file in AssetNames.Entries(directory, folders: false, problems))
        {
            if (AssetNames.IsEssayFolderNote(Path.GetFileName(file)))
            {
                continue;
            }

            if (EssayText.IsSupported(file))
            {
                essays.Add(file);
                continue;
            }

            var extension = Path.GetExtension(file);
            var type = extension.Length == 0 ? "no file extension" : $"unsupported file type '{extension}'";
            problems.Add($"{file}: {type} (expected {EssayText.SupportedList}).");
        }

        foreach (var folder in AssetNames.Entries(directory, folders: true, problems))
        {
            problems.Add($"{folder}: essay folders are read without their subfolders; move its essays up or remove it.");
        }

        if (essays.Count == 0)
        {
            problems.Add($"{directory}: no {kind} essays (expected {EssayText.SupportedList} files).");
        }

        return essays;
    }
}
