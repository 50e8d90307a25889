namespace Cj.Runner.Tests.Run;

/// <summary>Bad input to plan and dry-run: exit code 2, a message naming the cause, and nothing written but the log.</summary>
public sealed class BadRunInputTests
{
    [Theory]
    [InlineData("--max-comparisons", "1", "--max-comparisons: must be at least 2")]
    [InlineData("--llm-batching-mode", "bundle_everything", "'bundle_everything'")]
    [InlineData("--grade-scale", "letters", "--grade-scale")]
    [InlineData("--llm-temperature", "2.5", "--llm-temperature: must be between 0.0 and 2.0")]
    [InlineData("--batch-id", "has space", "--batch-id")]
    public void A_bad_flag_is_refused_before_anything_is_written(string flag, string value, string message)
    {
        using var temp = new TempFolder();
        var (exit, _, error) = Cli.Run(DryRunTests.DryRun(temp.Path, flag, value));
        Assert.Equal(2, exit);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "runs")));
    }

    [Fact]
    public void A_missing_assets_folder_writes_only_the_log()
    {
        using var temp = new TempFolder();
        var output = Path.Combine(temp.Path, "out");
        var (exit, _, error) = Cli.Run("--mode", "dry-run", "--assets", Path.Combine(temp.Path, "nowhere"), "--output-dir", output);
        Assert.Equal(2, exit);
        Assert.Contains("nowhere", error, StringComparison.Ordinal);
        Assert.Equal([Path.Combine(output, "logs", "runner.log")], Directory.GetFiles(output, "*", SearchOption.AllDirectories));
        Assert.Contains("runner_input_invalid", File.ReadAllText(Path.Combine(output, "logs", "runner.log")), StringComparison.Ordinal);
    }

    [Fact]
    public void Assets_without_students_are_refused()
    {
        using var temp = new TempFolder();
        var assets = Path.Combine(temp.Path, "assets");
        CopyDemo(assets);
        Directory.Delete(Path.Combine(assets, "students"), recursive: true);
        var (exit, _, error) = Cli.Run("--mode", "plan", "--assets", assets, "--output-dir", Path.Combine(temp.Path, "out"));
        Assert.Equal(2, exit);
        Assert.Contains("student", error, StringComparison.OrdinalIgnoreCase);
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "out", "runs")));
    }

    [Fact]
    public void An_output_folder_that_cannot_be_written_is_bad_input()
    {
        using var temp = new TempFolder();
        var blocker = temp.Write("not-a-folder", "a file where the output folder should be");
        var (exit, _, error) = Cli.Run(DryRunTests.DryRun(Path.Combine(blocker, "out")));
        Assert.Equal(2, exit);
        Assert.Contains("cannot be written", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_distributed_stack_is_refused_clearly_before_anything_is_sent()
    {
        using var temp = new TempFolder();
        var (exit, _, error) = Cli.Run("--mode", "execute", "--assets", DryRunTests.Demo, "--output-dir", temp.Path, "--cj-service-url", "http://127.0.0.1:9");
        Assert.Equal(2, exit);
        Assert.Contains("--cj-service-url http://127.0.0.1:9: the distributed stack", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "runs")));
    }

    internal static void CopyDemo(string target)
    {
        foreach (var file in Directory.EnumerateFiles(DryRunTests.Demo, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(DryRunTests.Demo, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }
}
