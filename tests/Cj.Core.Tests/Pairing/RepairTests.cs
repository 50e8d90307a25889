using System.Collections.Immutable;
using Cj.Core.Pairing;
using Cj.Core.Scoring;

namespace Cj.Core.Tests.Pairing;

/// <summary>§6 step 2: bridges between components and swap re-asks.</summary>
public sealed class RepairTests
{
    [Fact]
    public void Swap_reasks_reverse_a_pair_judged_exactly_once_and_take_a_tenth_of_the_wave()
    {
        for (ulong seed = 1; seed <= 10; seed++)
        {
            var sim = PairingSimulation.Students(40, seed);
            sim.Step(PairingOptions.Default, 20);
            for (var wave = 2; wave <= 8; wave++)
            {
                var before = sim.Comparisons.ToList();
                var reasks = sim.Step(PairingOptions.Default, 20).Pairs.Where(p => p.Kind == PairKind.SwapReask).ToList();

                Assert.Equal(2, reasks.Count);
                Assert.All(reasks, r =>
                {
                    var earlier = before.Where(c => PairingSimulation.Unordered(c.First, c.Second) == PairingSimulation.Unordered(r.First, r.Second));
                    var only = Assert.Single(earlier);
                    Assert.Equal(ComparisonStatus.Succeeded, only.Status);
                    Assert.Equal((r.Second, r.First), (only.First, only.Second));
                });
            }
        }
    }

    [Fact]
    public void The_random_strategy_repairs_connectivity_but_asks_no_swap_reasks()
    {
        var options = PairingOptions.Default with { Strategy = PairMatchingStrategy.Random };
        var sim = PairingSimulation.Students(30, 4);
        for (var wave = 0; wave < 8; wave++)
        {
            Assert.DoesNotContain(sim.Step(options, 15).Pairs, p => p.Kind == PairKind.SwapReask);
        }
    }

    [Theory]
    [InlineData(PairMatchingStrategy.Adaptive)]
    [InlineData(PairMatchingStrategy.Random)]
    public void Each_smaller_component_gets_one_bridge_from_its_lowest_count_essay_into_the_largest(PairMatchingStrategy strategy)
    {
        // Components: {s00…s05} (largest, a path), {s06, s07, s08} (s08 has one comparison), {s09} isolated.
        var essays = Enumerable.Range(0, 10).Select(i => Essay.Student($"s{i:D2}")).ToImmutableArray();
        EssayId Id(int i) => essays[i].Id;
        var pairs = new[] { (0, 1), (1, 2), (2, 3), (3, 4), (4, 5), (6, 7), (7, 8), (6, 7) };
        var comparisons = pairs.Select(p => new PairRecord(Id(p.Item1), Id(p.Item2), ComparisonStatus.Succeeded)).ToImmutableArray();
        var judgements = pairs.Select((p, k) => new Judgement(Id(p.Item1), Id(p.Item2), Id(p.Item1), null, k)).ToList();
        var state = new PlanningState(essays, comparisons, BradleyTerry.Fit(essays, judgements), null, 2, 5, 100);

        for (ulong seed = 1; seed <= 20; seed++)
        {
            var plan = PairPlanner.PlanWave(state, PairingOptions.Default with { Strategy = strategy }, new CjRandom(seed));
            var bridges = plan.Pairs.TakeWhile(p => p.Kind == PairKind.Bridge).ToList();

            Assert.Equal(2, plan.Pairs.Count(p => p.Kind == PairKind.Bridge));
            Assert.Equal(2, bridges.Count);
            Assert.Contains(bridges, b => b.First == Id(8) || b.Second == Id(8));
            Assert.Contains(bridges, b => b.First == Id(9) || b.Second == Id(9));
            Assert.All(bridges, b => Assert.True(
                string.CompareOrdinal((b.First == Id(8) || b.First == Id(9) ? b.Second : b.First).Value, "s06") < 0));
        }
    }
}
