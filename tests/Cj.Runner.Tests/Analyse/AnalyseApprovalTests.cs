namespace Cj.Runner.Tests.Analyse;

public sealed class AnalyseApprovalTests
{
    [Fact]
    public void Analyse_help_documents_every_option_and_its_default()
    {
        var (exit, output, _) = Cli.Run("analyse", "--help");
        Assert.Equal(0, exit);
        Approvals.Verify(output, "analyse-help");
    }

    [Fact]
    public void Root_help_lists_the_commands()
    {
        var (exit, output, _) = Cli.Run("--help");
        Assert.Equal(0, exit);
        Approvals.Verify(output, "root-help");
    }

    [Fact]
    public void The_table_of_the_bundled_example_reads_as_approved()
    {
        var (exit, output, error) = Cli.Run(
            "analyse", "--judgements", Cli.Sample("analyse/judgements.csv"), "--anchors", Cli.Sample("analyse/anchors.csv"),
            "--grade-scale", "eng5_np_legacy_9_step", "--format", "table");
        Assert.True(exit == 0, error);
        Approvals.Verify(output, "analyse-table");
    }
}
