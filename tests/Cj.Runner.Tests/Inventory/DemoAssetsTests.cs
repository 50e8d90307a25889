using Cj.Core.Grading;
using Cj.Runner.Inventory;

namespace Cj.Runner.Tests.Inventory;

public sealed class DemoAssetsTests
{
    [Fact]
    public void The_demo_assets_hold_8_anchors_and_12_students_with_unique_ids()
    {
        var inventory = AssetInventoryReader.Read(Cli.Sample("eng5-demo"), GradeScale.Eng5NpLegacy9Step);

        Assert.Equal(8, inventory.Anchors.Count);
        Assert.Equal(12, inventory.Students.Count);
        Assert.Equal("instructions.md", inventory.Instructions.SourcePath);
        Assert.Equal("prompt.md", inventory.Prompt.SourcePath);
        Assert.Equal("rubric.md", inventory.Rubric?.SourcePath);
        Assert.True(inventory.Anchors.Select(a => a.Grade).Distinct().Count() >= 2);
        var ids = inventory.Anchors.Concat(inventory.Students).Select(e => e.EssayId).ToArray();
        Assert.Equal(ids.Length, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains(inventory.Students, s => s.File.FileName.EndsWith(".docx", StringComparison.OrdinalIgnoreCase));
    }
}
