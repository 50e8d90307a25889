using Cj.Core.Simulation;
using Cj.Core.Workflow;

namespace Cj.Core.Tests.Simulation;

/// <summary>The default early stop (ADR 0006): the empirical-Bayes reliability target of 0.90.</summary>
public sealed class ReliabilityStopTests
{
    [Fact]
    public void The_default_target_stops_a_wide_well_measured_batch_before_its_cap()
    {
        var wide = new Scenario { Students = 40, Spread = 4, MaxComparisonsPerEssay = 30, Runs = 1, Seed = 3 };
        Assert.Equal(0.90, wide.Settings.TargetReliability);

        var run = SimulationShell.Run(wide, 0);

        Assert.Equal(StopReasons.TargetReliability, run.StopReason);
        Assert.True(run.AtStop.ComparisonsPerEssay < run.AtCap.ComparisonsPerEssay, $"stop {run.AtStop.ComparisonsPerEssay}, cap {run.AtCap.ComparisonsPerEssay}");
        Assert.True(run.AtStop.EbReliability >= 0.90);
        Assert.True(run.AtStop.TrueReliability > 0.85, $"r² at the stop {run.AtStop.TrueReliability}");

        // A real batch with the same settings ends where the harness says the default stop fires.
        var real = SimulationShell.Run(wide, 0, earlyStops: true);
        Assert.Equal(StopReasons.TargetReliability, real.FinalReason);
        Assert.Equal(run.AtStop.Successes, real.AtCap.Successes);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void A_coin_flipping_judge_never_reaches_the_target_and_runs_to_its_budget(int run)
    {
        var coin = new Scenario { Students = 40, Judge = SimulatedJudge.Coin, MaxComparisonsPerEssay = 12, Runs = 3, Seed = 5 };

        var result = SimulationShell.Run(coin, run);

        Assert.NotEqual(StopReasons.TargetReliability, result.StopReason);
        Assert.True(result.AtCap.EbReliability < 0.5, $"EB reliability {result.AtCap.EbReliability}");
    }

    [Fact]
    public void Target_zero_turns_the_reliability_stop_off()
    {
        var wide = new Scenario { Students = 40, Spread = 4, MaxComparisonsPerEssay = 30, Runs = 1, Seed = 3 };
        var off = wide with { Settings = wide.Settings with { TargetReliability = 0 } };

        Assert.NotEqual(StopReasons.TargetReliability, SimulationShell.Run(off, 0).StopReason);
    }
}
