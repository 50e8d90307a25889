namespace Cj.Runner.Inventory;

/// <summary>An anchor or student essay of the assets folder.</summary>
/// <param name="EssayId">The stable, anonymous-friendly id (see <see cref="EssayIds"/>), unique within the batch.</param>
/// <param name="File">The essay's file.</param>
/// <param name="IsAnchor">Whether the essay is an anchor with a known grade.</param>
/// <param name="Grade">The anchor's grade as the scale spells it; null for students.</param>
internal sealed record InventoryEssay(string EssayId, AssetFile File, bool IsAnchor, string? Grade);
