namespace Cj.Runner.Inventory;

/// <summary>Finds the instructions, prompt, rubric, essay folders and anchors.csv of an assets folder.</summary>
internal static class AssetDiscovery
{
    private static readonly string[] AnchorFolders = ["anchors", "anchor_essays"];
    private static readonly string[] StudentFolders = ["students", "student_essays"];

    public static AssetLayout Discover(string assets, InventoryProblems problems)
    {
        var files = AssetNames.Entries(assets, folders: false, problems);
        var folders = AssetNames.Entries(assets, folders: true, problems);
        var anchors = Folder(assets, folders, AnchorFolders, "anchors", problems);
        var students = Folder(assets, folders, StudentFolders, "students", problems);
        // A failure to list the anchors folder is reported once, when its essays are listed.
        var anchorFiles = anchors is null ? [] : AssetNames.Entries(anchors, folders: false, new InventoryProblems());
        var csvFiles = files.Concat(anchorFiles)
            .Where(f => AssetNames.Is(Path.GetFileName(f), AssetNames.AnchorsCsv))
            .ToArray();
        return new AssetLayout(
            TextFile(assets, files, "instructions", "instruction", problems),
            TextFile(assets, files, "prompt", "prompt", problems),
            Rubric(assets, files, problems),
            anchors,
            students,
            csvFiles);
    }

    /// <summary><c>{stem}.md</c> or <c>{stem}.txt</c>; else the one readable file whose name contains <paramref name="word"/>.</summary>
    private static string? TextFile(string assets, string[] files, string stem, string word, InventoryProblems problems)
    {
        var exact = Exact(files, stem);
        if (exact.Length == 1)
        {
            return exact[0];
        }

        if (exact.Length > 1)
        {
            problems.Add($"{assets}: several {stem} files ({AssetNames.List(exact)}); keep one.");
            return null;
        }

        var named = files.Where(f => Path.GetFileName(f).Contains(word, StringComparison.OrdinalIgnoreCase)).ToArray();
        var readable = named.Where(EssayText.IsSupported).ToArray();
        if (readable.Length == 1)
        {
            return readable[0];
        }

        if (readable.Length > 1)
        {
            problems.Add($"{assets}: several files could be the {stem} ({AssetNames.List(readable)}); name one {stem}.md.");
            return null;
        }

        var unsupported = named.Length == 0 ? "" : $"; {AssetNames.List(named)} is not {EssayText.SupportedList}";
        problems.Add(
            $"{assets}: no {stem} file (expected {stem}.md or {stem}.txt, or one file whose name contains '{word}'{unsupported}).");
        return null;
    }

    private static string? Rubric(string assets, string[] files, InventoryProblems problems)
    {
        var exact = Exact(files, "rubric");
        if (exact.Length > 1)
        {
            problems.Add($"{assets}: several rubric files ({AssetNames.List(exact)}); keep one.");
            return null;
        }

        return exact.SingleOrDefault();
    }

    private static string[] Exact(string[] files, string stem) =>
        [.. files.Where(f => AssetNames.Is(Path.GetFileName(f), stem + ".md") || AssetNames.Is(Path.GetFileName(f), stem + ".txt"))];

    private static string? Folder(string assets, string[] folders, string[] names, string what, InventoryProblems problems)
    {
        var found = folders.Where(f => names.Any(n => AssetNames.Is(Path.GetFileName(f), n))).ToArray();
        if (found.Length == 1)
        {
            return found[0];
        }

        problems.Add(found.Length == 0
            ? $"{assets}: no {what} folder (expected {string.Join(" or ", names.Select(n => n + "/"))})."
            : $"{assets}: several {what} folders ({string.Join(", ", found.Select(f => Path.GetFileName(f) + "/"))}); keep one.");
        return null;
    }
}
