namespace Cj.Runner.Tests.Simulate;

/// <summary>Bad arguments exit with code 2 and a message naming the option.</summary>
public sealed class SimulateInputErrorTests
{
    [Theory]
    [InlineData("--essays", "1", "--essays must be at least 2")]
    [InlineData("--essays", "many", "--essays")]
    [InlineData("--anchors", "1", "--anchors must be 0 or at least 2")]
    [InlineData("--grades", "3", "--grades needs --anchors")]
    [InlineData("--spread", "0", "--spread must be a number above 0")]
    [InlineData("--spread", "NaN", "--spread must be a number above 0")]
    [InlineData("--judge", "oracle", "--judge: unknown judge 'oracle'; use perfect, noisy, position-biased, coin")]
    [InlineData("--policy", "greedy", "--policy: unknown policy 'greedy'")]
    [InlineData("--policy", "random,random", "--policy: 'random' is given twice")]
    [InlineData("--policy", ",", "--policy needs a value")]
    [InlineData("--max-per-essay", "0", "--max-per-essay must be between 1 and 10000")]
    [InlineData("--runs", "0", "--runs must be between 1 and 100000")]
    [InlineData("--seed", "-1", "--seed")]
    [InlineData("--format", "csv", "--format: unknown format 'csv'; use json or table")]
    public void A_bad_value_is_rejected_naming_its_option(string option, string value, string message)
    {
        string[] args = option == "--essays" ? ["simulate", option, value] : ["simulate", "--essays", "10", option, value];
        var (exit, output, error) = Cli.Run(args);
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_number_of_students_is_required()
    {
        var (exit, _, error) = Cli.Run("simulate", "--runs", "2");
        Assert.Equal(2, exit);
        Assert.Contains("--essays", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Grades_need_at_least_two()
    {
        var (exit, _, error) = Cli.Run("simulate", "--essays", "10", "--anchors", "4", "--grades", "1");
        Assert.Equal(2, exit);
        Assert.Contains("--grades must be at least 2", error, StringComparison.Ordinal);
    }
}
