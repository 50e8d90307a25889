namespace Cj.Runner.Tests.Simulate;

public sealed class SimulateApprovalTests
{
    [Fact]
    public void Simulate_help_documents_every_option_and_its_default()
    {
        var (exit, output, _) = Cli.Run("simulate", "--help");
        Assert.Equal(0, exit);
        Approvals.Verify(output, "simulate-help");
    }

    [Fact]
    public void The_table_of_a_small_graded_scenario_reads_as_approved()
    {
        var (exit, output, error) = Cli.Run(
            "simulate", "--essays", "12", "--anchors", "6", "--grades", "3", "--policy", "adaptive,random", "--max-per-essay", "6",
            "--runs", "3", "--seed", "5", "--format", "table");
        Assert.True(exit == 0, error);
        Approvals.Verify(output, "simulate-table");
    }
}
