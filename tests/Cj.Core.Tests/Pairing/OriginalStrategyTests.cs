using Cj.Core.Pairing;

namespace Cj.Core.Tests.Pairing;

/// <summary>§6 "original strategy": one exact maximum-weight, maximum-cardinality matching per wave.</summary>
public sealed class OriginalStrategyTests
{
    private static readonly PairingOptions Original = PairingOptions.Default with { Strategy = PairMatchingStrategy.Original };

    [Theory]
    [InlineData(10)]
    [InlineData(13)]
    public void Each_wave_is_a_perfect_matching_of_never_asked_pairs_while_they_last(int n)
    {
        for (ulong seed = 1; seed <= 5; seed++)
        {
            var sim = PairingSimulation.Students(n, seed);
            var asked = new HashSet<(EssayId, EssayId)>();
            for (var wave = 1; wave <= n - 1; wave++)
            {
                var plan = sim.Step(Original, waveSize: 3);
                var essays = plan.Pairs.SelectMany(p => new[] { p.First, p.Second }).ToList();

                Assert.All(plan.Pairs, p => Assert.Equal(PairKind.Matching, p.Kind));
                Assert.Equal(essays.Count, essays.Distinct().Count());
                Assert.True(plan.Pairs.Length <= n / 2);
                Assert.All(plan.Pairs, p => Assert.True(asked.Add(PairingSimulation.Unordered(p.First, p.Second))));
                if (wave <= 2)
                {
                    Assert.Equal(n / 2, plan.Pairs.Length);
                }
            }
        }
    }

    [Fact]
    public void With_an_odd_count_the_highest_count_essay_sits_out_lowest_id_first()
    {
        var sim = PairingSimulation.Students(7, 3);
        var first = sim.Step(Original, 3);
        Assert.DoesNotContain(first.Pairs, p => p.First.Value == "s000" || p.Second.Value == "s000");

        var counts = sim.Counts();
        var expected = counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key).First().Key;
        var second = sim.Step(Original, 3);
        Assert.DoesNotContain(second.Pairs, p => p.First == expected || p.Second == expected);
        Assert.Equal(3, second.Pairs.Length);
    }

    [Fact]
    public void A_wave_is_cut_to_the_budget_and_the_same_seed_gives_the_same_matching()
    {
        var sim = PairingSimulation.Students(12, 4);
        var state = sim.State(waveSize: 6, budget: 4);
        var plan = PairPlanner.PlanWave(state, Original, new CjRandom(9));

        Assert.Equal(4, plan.Pairs.Length);
        Assert.Equal(plan.Pairs.ToArray(), PairPlanner.PlanWave(state, Original, new CjRandom(9)).Pairs.ToArray());
    }

    [Fact]
    public void Provider_batch_keeps_matching_until_the_cap_or_the_pairs_run_out()
    {
        var sim = PairingSimulation.Students(8, 5);
        var capped = PairPlanner.PlanAllAtOnce(sim.State(0, 0), Original, new CjRandom(1), cap: 17);
        var all = PairPlanner.PlanAllAtOnce(sim.State(0, 0), Original, new CjRandom(1), cap: 100);

        Assert.Equal(17, capped.Pairs.Length);
        Assert.Equal(28, all.Pairs.Length);
        Assert.Equal(28, all.Pairs.Select(p => PairingSimulation.Unordered(p.First, p.Second)).Distinct().Count());
        var counts = sim.Essays.Select(e => capped.Pairs.Count(p => p.First == e.Id || p.Second == e.Id)).ToArray();
        Assert.True(counts.Max() - counts.Min() <= 1, string.Join(",", counts));
    }
}
