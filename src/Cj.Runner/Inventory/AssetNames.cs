namespace Cj.Runner.Inventory;

/// <summary>Name rules of the assets folder; every comparison is case-insensitive.</summary>
internal static class AssetNames
{
    public const string AnchorsCsv = "anchors.csv";

    /// <summary>Hidden files, Office lock files (<c>~$…</c>) and the desktop's own files: never essays, never reported.</summary>
    public static bool IsIgnored(string name) =>
        name.StartsWith('.') || name.StartsWith("~$", StringComparison.Ordinal)
        || Is(name, "Thumbs.db") || Is(name, "desktop.ini") || Is(name, "__MACOSX");

    /// <summary>Files that may sit beside the essays without being essays: anchors.csv and README files.</summary>
    public static bool IsEssayFolderNote(string name) =>
        Is(name, AnchorsCsv) || Is(Path.GetFileNameWithoutExtension(name), "README") || Is(name, "README");

    public static bool Is(string name, string expected) => string.Equals(name, expected, StringComparison.OrdinalIgnoreCase);

    /// <summary>The file names of <paramref name="paths"/>, comma-separated, for messages.</summary>
    public static string List(IEnumerable<string> paths) => string.Join(", ", paths.Select(Path.GetFileName));

    /// <summary>
    /// The entries of <paramref name="directory"/> that are not ignored, ordered by name (ordinal); a listing failure
    /// is a problem and gives none.
    /// </summary>
    public static string[] Entries(string directory, bool folders, InventoryProblems problems)
    {
        try
        {
            var entries = folders ? Directory.GetDirectories(directory) : Directory.GetFiles(directory);
            return [.. entries.Where(e => !IsIgnored(Path.GetFileName(e))).Order(StringComparer.Ordinal)];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problems.Add($"{directory}: cannot be read ({InventoryProblems.Reason(ex)}).");
            return [];
        }
    }
}
