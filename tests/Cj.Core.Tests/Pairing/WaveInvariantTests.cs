using Cj.Core.Pairing;

namespace Cj.Core.Tests.Pairing;

/// <summary>Invariants of later waves over seeded simulations with a perfect judge and a refit after every wave.</summary>
public sealed class WaveInvariantTests
{
    public static TheoryData<int, PairMatchingStrategy> Batches() => new()
    {
        { 6, PairMatchingStrategy.Adaptive },
        { 11, PairMatchingStrategy.Adaptive },
        { 24, PairMatchingStrategy.Adaptive },
        { 11, PairMatchingStrategy.Random },
        { 24, PairMatchingStrategy.Random },
    };

    [Theory]
    [MemberData(nameof(Batches))]
    public void No_wave_repeats_a_pair_and_counts_stay_within_one_while_the_pair_supply_allows(int n, PairMatchingStrategy strategy)
    {
        var options = PairingOptions.Default with { Strategy = strategy };
        var waveSize = (n + 1) / 2;
        for (ulong seed = 1; seed <= 8; seed++)
        {
            var sim = PairingSimulation.Students(n, seed);
            for (var wave = 1; wave <= 14; wave++)
            {
                var plan = sim.Step(options, waveSize);
                var pairs = plan.Pairs.Select(p => PairingSimulation.Unordered(p.First, p.Second)).ToList();
                Assert.Equal(pairs.Count, pairs.Distinct().Count());

                // "Where the pair supply allows": while every essay has at least n/2 unasked partners the unasked
                // graph is Hamiltonian (Dirac), so a round can always seat everyone without a repeat.
                var counts = sim.Counts().Values.ToArray();
                if (n - 1 - counts.Max() >= n / 2.0)
                {
                    Assert.True(counts.Max() - counts.Min() <= 1, $"seed {seed}, wave {wave}: {string.Join(",", counts)}");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Batches))]
    public void No_pair_is_asked_more_than_the_maximum_and_the_pairs_run_out_with_an_empty_plan(int n, PairMatchingStrategy strategy)
    {
        var options = PairingOptions.Default with { Strategy = strategy };
        for (ulong seed = 1; seed <= 4; seed++)
        {
            var sim = PairingSimulation.Students(n, seed, refit: seed % 2 == 0);
            var waves = 0;
            while (sim.Step(options, (n + 1) / 2).Pairs.Length > 0)
            {
                Assert.True(++waves < 10 * n, "the planner never ran out of pairs");
            }

            var asks = sim.Comparisons.GroupBy(c => PairingSimulation.Unordered(c.First, c.Second)).ToList();
            Assert.All(asks, g => Assert.True(g.Count() <= options.MaxAsksPerPair, $"{g.Key} asked {g.Count()} times"));
            Assert.Equal(n * (n - 1) / 2 * options.MaxAsksPerPair, sim.Comparisons.Count);
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_waves()
    {
        foreach (var strategy in new[] { PairMatchingStrategy.Adaptive, PairMatchingStrategy.Random })
        {
            var options = PairingOptions.Default with { Strategy = strategy };
            var (a, b) = (PairingSimulation.Students(30, 9), PairingSimulation.Students(30, 9));
            var other = PairingSimulation.Students(30, 10);
            for (var wave = 0; wave < 6; wave++)
            {
                var (left, right) = (a.Step(options, 15), b.Step(options, 15));
                Assert.Equal(left.Pairs.ToArray(), right.Pairs.ToArray());
                other.Step(options, 15);
            }

            Assert.NotEqual(a.Comparisons, other.Comparisons);
        }
    }

    [Fact]
    public void A_wave_is_truncated_to_the_remaining_budget_and_an_exhausted_budget_plans_nothing()
    {
        var sim = PairingSimulation.Students(20, 3);
        sim.Step(PairingOptions.Default, 10);

        var state = sim.State(waveSize: 10, budget: 4);
        Assert.Equal(4, PairPlanner.PlanWave(state, PairingOptions.Default, new CjRandom(1)).Pairs.Length);
        Assert.Equal(10, PairPlanner.PlanWave(state with { RemainingBudget = 50 }, PairingOptions.Default, new CjRandom(1)).Pairs.Length);
        Assert.Empty(PairPlanner.PlanWave(state with { RemainingBudget = 0 }, PairingOptions.Default, new CjRandom(1)).Pairs);
    }

    [Fact]
    public void A_pair_that_failed_permanently_is_never_planned_again()
    {
        for (ulong seed = 1; seed <= 4; seed++)
        {
            var failing = new CjRandom(seed + 100);
            var sim = new PairingSimulation(
                PairingSimulation.Students(8, seed).Essays, PairingSimulation.Students(8, seed).Truth, seed)
            {
                Fails = _ => failing.NextDouble() < 0.2,
            };
            var failed = new HashSet<(EssayId, EssayId)>();
            for (var wave = 0; wave < 30; wave++)
            {
                var plan = sim.Step(PairingOptions.Default, 4);
                Assert.DoesNotContain(plan.Pairs, p => failed.Contains(PairingSimulation.Unordered(p.First, p.Second)));
                failed.UnionWith(sim.Comparisons
                    .Where(c => c.Status == ComparisonStatus.FailedPermanently)
                    .Select(c => PairingSimulation.Unordered(c.First, c.Second)));
            }

            Assert.NotEmpty(failed);
        }
    }

    [Fact]
    public void Invalid_options_and_unknown_essays_are_programmer_errors()
    {
        var sim = PairingSimulation.Students(4, 1);
        var state = sim.State(2, 10);
        var unknown = state with { Comparisons = [new PairRecord(new EssayId("x"), new EssayId("s000"), ComparisonStatus.Succeeded)] };

        Assert.Throws<ArgumentException>(() => PairPlanner.PlanWave(unknown, PairingOptions.Default, new CjRandom(1)));
        Assert.Throws<ArgumentException>(() =>
            PairPlanner.PlanWave(state, PairingOptions.Default with { ExplorationShare = 1.5 }, new CjRandom(1)));
        Assert.Throws<ArgumentException>(() =>
            PairPlanner.PlanWave(state, PairingOptions.Default with { MaxAsksPerPair = 0 }, new CjRandom(1)));
    }
}
