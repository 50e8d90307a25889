namespace Cj.Runner.Inventory;

/// <summary>A validated assets folder: the texts the judge sees and the essays to compare.</summary>
/// <param name="AssetsDirectory">The full path of the assets folder.</param>
/// <param name="Instructions">The assessment instructions.</param>
/// <param name="Prompt">The student assignment prompt; the same instance as <paramref name="Instructions"/> when one file holds both.</param>
/// <param name="Rubric">The optional judge rubric.</param>
/// <param name="Anchors">The anchors, ordered by essay id (ordinal).</param>
/// <param name="Students">The students, ordered by essay id (ordinal).</param>
internal sealed record AssetInventory(
    string AssetsDirectory,
    AssetFile Instructions,
    AssetFile Prompt,
    AssetFile? Rubric,
    IReadOnlyList<InventoryEssay> Anchors,
    IReadOnlyList<InventoryEssay> Students);
