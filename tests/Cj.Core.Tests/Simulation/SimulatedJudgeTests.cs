using Cj.Core.Simulation;

namespace Cj.Core.Tests.Simulation;

public sealed class SimulatedJudgeTests
{
    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(1.0, 0.7310585786300049)]
    [InlineData(-2.0, 0.11920292202211755)]
    public void The_perfect_judge_is_the_Bradley_Terry_model(double delta, double expected) =>
        Assert.Equal(expected, SimulatedJudge.Perfect.FirstWins(delta, 0), 1e-15);

    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(1.0, 0.6513689949513496)] // 0.05 + 0.9·σ(0.7)
    [InlineData(-3.0, 0.14818713907605163)] // 0.05 + 0.9·σ(−2.1)
    public void The_noisy_judge_lapses_and_blurs(double delta, double expected) =>
        Assert.Equal(expected, SimulatedJudge.Noisy.FirstWins(1 + delta, 1), 1e-15);

    [Fact]
    public void The_position_biased_judge_favours_the_first_essay_by_a_third_of_a_logit()
    {
        Assert.Equal(0.574442516811659, SimulatedJudge.PositionBiased.FirstWins(0.2, 0.2), 1e-15);
        Assert.Equal(Logistic.Sigma(1.3), SimulatedJudge.PositionBiased.FirstWins(1, 0), 1e-15);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(5.0)]
    [InlineData(-40.0)]
    public void The_coin_ignores_the_essays(double delta)
    {
        Assert.Equal(0.5, SimulatedJudge.Coin.FirstWins(delta, 0));
        Assert.False(SimulatedJudge.Coin.SeesAbilities);
    }

    [Fact]
    public void Judges_are_found_by_their_command_line_names()
    {
        Assert.Equal(["perfect", "noisy", "position-biased", "coin"], SimulatedJudge.Named.Select(j => j.Name));
        Assert.Same(SimulatedJudge.PositionBiased, SimulatedJudge.Find("Position-Biased"));
        Assert.Null(SimulatedJudge.Find("oracle"));
    }
}
