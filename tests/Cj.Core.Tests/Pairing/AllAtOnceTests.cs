using Cj.Core.Pairing;

namespace Cj.Core.Tests.Pairing;

/// <summary>§7 provider-batch: one wave of the cycle and rounds up to the cap, ending in reversed duplicates.</summary>
public sealed class AllAtOnceTests
{
    [Fact]
    public void The_wave_fills_the_cap_and_ends_with_reversed_duplicates_of_its_own_pairs()
    {
        for (ulong seed = 1; seed <= 30; seed++)
        {
            var sim = PairingSimulation.Students(20, seed);
            var plan = PairPlanner.PlanAllAtOnce(sim.State(0, 0), PairingOptions.Default, new CjRandom(seed), cap: 150);
            var pairs = plan.Pairs;

            Assert.Equal(150, pairs.Length);
            Assert.All(pairs.Take(20), p => Assert.Equal(PairKind.Cycle, p.Kind));
            Assert.All(pairs.Skip(20).Take(115), p => Assert.Equal(PairKind.Round, p.Kind));
            var main = pairs.Take(135).ToList();
            Assert.Equal(135, main.Select(p => PairingSimulation.Unordered(p.First, p.Second)).Distinct().Count());
            var tail = pairs.Skip(135).ToList();
            Assert.All(tail, p => Assert.Equal(PairKind.SwapReask, p.Kind));
            Assert.All(tail, p => Assert.Contains(main, m => m.First == p.Second && m.Second == p.First));
            Assert.Equal(15, tail.Select(p => PairingSimulation.Unordered(p.First, p.Second)).Distinct().Count());
            var counts = sim.Essays.Select(e => main.Count(p => p.First == e.Id || p.Second == e.Id)).ToArray();
            Assert.True(counts.Max() - counts.Min() <= 1, string.Join(",", counts));
        }
    }

    [Fact]
    public void When_pairs_run_out_every_pair_is_asked_once_in_each_order()
    {
        var sim = PairingSimulation.Students(6, 2);
        var plan = PairPlanner.PlanAllAtOnce(sim.State(0, 0), PairingOptions.Default, new CjRandom(2), cap: 40);

        Assert.Equal(30, plan.Pairs.Length);
        Assert.Equal(30, plan.Pairs.Select(p => (p.First, p.Second)).Distinct().Count());
    }

    [Fact]
    public void A_cap_below_n_gives_a_path_and_the_same_seed_gives_the_same_wave()
    {
        var sim = PairingSimulation.Students(12, 3);
        var path = PairPlanner.PlanAllAtOnce(sim.State(0, 0), PairingOptions.Default, new CjRandom(5), cap: 9);
        var again = PairPlanner.PlanAllAtOnce(sim.State(0, 0), PairingOptions.Default, new CjRandom(5), cap: 9);

        Assert.Equal(9, path.Pairs.Length);
        Assert.All(path.Pairs, p => Assert.Equal(PairKind.Cycle, p.Kind));
        Assert.Equal(path.Pairs.ToArray(), again.Pairs.ToArray());
        Assert.Empty(PairPlanner.PlanAllAtOnce(sim.State(0, 0), PairingOptions.Default, new CjRandom(5), cap: 0).Pairs);
    }
}
