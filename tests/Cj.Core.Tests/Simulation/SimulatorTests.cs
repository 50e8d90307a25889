using Cj.Core.Pairing;
using Cj.Core.Simulation;
using Cj.Core.Workflow;

namespace Cj.Core.Tests.Simulation;

public sealed class SimulatorTests
{
    private static readonly Scenario Small = new() { Students = 24, MaxComparisonsPerEssay = 8, Runs = 3, Seed = 11 };

    [Fact]
    public void A_perfect_judge_at_twenty_comparisons_per_essay_ranks_fifty_essays_well()
    {
        var run = Simulator.RunOne(new Scenario { Students = 50, MaxComparisonsPerEssay = 20, Runs = 1, Seed = 3 }, 0);
        Assert.Equal(StopReasons.BudgetExhausted, run.FinalReason);
        Assert.Equal(500, run.AtCap.Successes);
        Assert.Equal(20.0, run.AtCap.ComparisonsPerEssay, 1e-12);
        Assert.True(run.AtCap.Spearman > 0.9, $"ρ = {run.AtCap.Spearman}");
        Assert.InRange(run.AtCap.Coverage, 0.8, 1.0);
        Assert.Equal(1, run.AtCap.Components);
        Assert.NotNull(run.AtCap.Ssr);
    }

    [Fact]
    public void The_same_seed_gives_the_same_runs_and_each_run_stands_alone()
    {
        var all = Simulator.Run(Small);
        var again = Simulator.Run(Small);
        Assert.Equal(all.Select(r => Fingerprint.Of(r)), again.Select(r => Fingerprint.Of(r)));
        Assert.Equal(Fingerprint.Of(all[2]), Fingerprint.Of(Simulator.RunOne(Small, 2)));
        Assert.NotEqual(Fingerprint.Of(all[0]), Fingerprint.Of(all[1]));
        Assert.NotEqual(Fingerprint.Of(all[0]), Fingerprint.Of(Simulator.RunOne(Small with { Seed = 12 }, 0)));
    }

    [Fact]
    public void Shuffled_duplicated_and_late_outcomes_change_nothing_against_in_order_delivery()
    {
        // By design: the workflow ignores duplicates and results for settled comparisons, fits read judgements in
        // comparison order, and the simulated verdict belongs to the comparison, not to the attempt.
        var noisy = Small with { DuplicateRate = 0.05, LateRate = 0.1 };
        var clean = Small with { DuplicateRate = 0, LateRate = 0, ShuffleDelivery = false };
        for (var run = 0; run < Small.Runs; run++)
        {
            Assert.Equal(Fingerprint.Of(Simulator.RunOne(clean, run)), Fingerprint.Of(Simulator.RunOne(noisy, run)));
        }
    }

    [Fact]
    public void The_reported_stop_is_where_a_batch_with_early_stops_ends()
    {
        var scenario = Small with { Settings = EngineSettings.Default with { TargetMaxSe = 1.5 }, MaxComparisonsPerEssay = 14 };
        for (var run = 0; run < scenario.Runs; run++)
        {
            var trajectory = SimulationShell.Run(scenario, run);
            var stopped = SimulationShell.Run(scenario, run, earlyStops: true);
            Assert.Equal(StopReasons.TargetMaxSe, trajectory.StopReason);
            Assert.Equal(trajectory.StopReason, stopped.FinalReason);
            Assert.Equal(trajectory.StopIndex, stopped.Waves.Length - 1);
            Assert.True(trajectory.Waves.Length > stopped.Waves.Length);
            Assert.Equal(Fingerprint.Of(trajectory, stopped.Waves.Length), Fingerprint.Of(stopped, stopped.Waves.Length));
        }
    }

    [Fact]
    public void Without_an_early_stop_the_stop_is_the_cap()
    {
        var run = Simulator.RunOne(Small with { Settings = EngineSettings.Default with { ScoreStabilityThreshold = 0 } }, 0);
        Assert.Equal(run.Waves.Length - 1, run.StopIndex);
        Assert.Equal(StopReasons.BudgetExhausted, run.StopReason);
    }

    [Fact]
    public void A_coin_flipping_judge_shows_low_reliability_and_no_correlation()
    {
        var runs = Simulator.Run(new Scenario { Students = 60, Judge = SimulatedJudge.Coin, MaxComparisonsPerEssay = 12, Runs = 4, Seed = 5 });
        Assert.All(runs, r => Assert.Equal(0.0, r.AtCap.Spearman));
        Assert.All(runs, r => Assert.Equal(0.0, r.AtCap.TrueReliability));
        Assert.True(runs.Average(r => r.AtCap.Ssr!.Value) < 0.3, string.Join(", ", runs.Select(r => r.AtCap.Ssr)));
        Assert.True(runs.Average(r => r.AtCap.Coverage) > 0.9);
    }

    [Theory]
    [InlineData("adaptive")]
    [InlineData("random")]
    [InlineData("original")]
    public void Every_policy_runs_to_the_cap_with_anchors_and_projects_grades(string policy)
    {
        var scenario = new Scenario
        {
            Students = 20,
            Anchors = 8,
            Grades = 4,
            MaxComparisonsPerEssay = 12,
            Runs = 1,
            Seed = 9,
            Policy = Enum.Parse<PairMatchingStrategy>(policy, ignoreCase: true),
        };
        var run = Simulator.RunOne(scenario, 0);
        Assert.Equal(StopReasons.BudgetExhausted, run.FinalReason);
        Assert.Equal(scenario.Cap, run.AtCap.Successes);
        var grades = Assert.IsType<GradeRecord>(run.AtCap.Grades);
        Assert.InRange(grades.Exact, 0.3, 1.0);
        Assert.InRange(grades.Adjacent, grades.Exact, 1.0);
        Assert.InRange(grades.BoundaryRmse, 0, 1.5);
        Assert.Equal(20, grades.Bins.Counts.Sum());
        Assert.True(run.AtCap.ComparisonsPerStudent > 0);
    }

    [Fact]
    public void A_position_biased_judge_is_seen_by_the_position_effect()
    {
        var runs = Simulator.Run(new Scenario { Students = 40, Judge = SimulatedJudge.PositionBiased, MaxComparisonsPerEssay = 20, Runs = 3, Seed = 2 });
        Assert.InRange(runs.Average(r => r.AtCap.Eta!.Value), 0.1, 0.5);
    }
}
