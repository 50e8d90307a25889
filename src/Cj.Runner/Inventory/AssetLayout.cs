namespace Cj.Runner.Inventory;

/// <summary>
/// Where the parts of an assets folder are (full paths); null when a part was not found. AnchorsCsvFiles holds every
/// anchors.csv found, in the assets root and in the anchors folder; more than one is a problem.
/// </summary>
internal sealed record AssetLayout(
    string? Instructions,
    string? Prompt,
    string? Rubric,
    string? AnchorsDirectory,
    string? StudentsDirectory,
    IReadOnlyList<string> AnchorsCsvFiles);
