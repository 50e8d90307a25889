namespace Cj.Runner.Tests.Run;

public sealed class PlanTests
{
    [Fact]
    public void The_plan_table_of_the_demo_assets_reads_as_approved()
    {
        using var temp = new TempFolder();
        var (exit, output, error) = Cli.Run("--mode", "plan", "--batch-id", "eng5-plan-check", "--assets", DryRunTests.Demo, "--output-dir", temp.Path);
        Assert.True(exit == 0, error);
        Approvals.Verify(output.Replace(Cli.RepositoryRoot, "<repo>", StringComparison.Ordinal).Replace(temp.Path, "<output>", StringComparison.Ordinal), "plan-table");
    }

    [Fact]
    public void Plan_prices_the_chosen_model_from_the_price_table()
    {
        using var temp = new TempFolder();
        var (exit, output, error) = Cli.Run("--mode", "plan", "--assets", DryRunTests.Demo, "--output-dir", temp.Path, "--llm-provider", "anthropic", "--llm-model", "claude-haiku-4-5");
        Assert.True(exit == 0, error);
        Assert.Contains("for anthropic/claude-haiku-4-5 at $1.00/M input, $5.00/M output tokens", output, StringComparison.Ordinal);
        Assert.DoesNotContain("synthetic verdicts", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_sends_nothing_and_writes_no_request()
    {
        using var temp = new TempFolder();
        Assert.Equal(0, Cli.Run("--mode", "plan", "--assets", DryRunTests.Demo, "--output-dir", temp.Path).Exit);
        var run = Directory.GetDirectories(Path.Combine(temp.Path, "runs")).Single();
        Assert.Empty(Directory.GetFiles(Path.Combine(run, "requests")));
        Assert.Empty(DryRunTests.Artefact(run).GetProperty("validation").GetProperty("manifest").EnumerateObject());
    }
}
