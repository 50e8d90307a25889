using System.Security.Cryptography;
using System.Text;
using Cj.Runner.Inventory;

namespace Cj.Runner.Execute;

/// <summary>The assignment id of a run without <c>--assignment-id</c>: derived from the instructions, prompt and anchors, so re-runs of the same assets share it.</summary>
internal static class AssignmentIds
{
    public static string For(AssetInventory inventory)
    {
        var identity = string.Join('\n', [inventory.Instructions.StorageId, inventory.Prompt.StorageId, .. inventory.Anchors.Select(a => $"{a.EssayId}:{a.Grade}:{a.File.StorageId}")]);
        return "eng5-np-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..12];
    }
}
