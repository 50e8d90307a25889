namespace Cj.Runner.Inventory;

/// <summary>A row of anchors.csv: the anchor file it names, its grade as written, its optional anchor_id and its line.</summary>
internal sealed record AnchorLabel(string File, string Grade, string? AnchorId, int Line);
