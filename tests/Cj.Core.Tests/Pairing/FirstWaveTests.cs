using Cj.Core.Pairing;

namespace Cj.Core.Tests.Pairing;

/// <summary>§6 step 1: the first wave is a shuffled cycle oriented along itself, filled by rounds.</summary>
public sealed class FirstWaveTests
{
    public static TheoryData<int> Sizes() => [3, 4, 5, 7, 12, 25, 60];

    [Theory]
    [MemberData(nameof(Sizes))]
    public void The_first_wave_connects_the_graph_and_shows_every_essay_once_first_and_once_second(int n)
    {
        for (ulong seed = 1; seed <= 40; seed++)
        {
            var sim = PairingSimulation.Students(n, seed);
            var plan = PairPlanner.PlanWave(sim.State((n + 1) / 2, 1000), PairingOptions.Default, new CjRandom(seed));

            Assert.Equal(n, plan.Pairs.Length);
            Assert.All(plan.Pairs, p => Assert.Equal(PairKind.Cycle, p.Kind));
            Assert.Equal(1, ComponentCount(sim.Essays.Select(e => e.Id), plan));
            Assert.All(sim.Essays, e => Assert.Equal(1, plan.Pairs.Count(p => p.First == e.Id)));
            Assert.All(sim.Essays, e => Assert.Equal(1, plan.Pairs.Count(p => p.Second == e.Id)));
        }
    }

    [Fact]
    public void Two_essays_give_one_pair_and_one_essay_gives_none()
    {
        var two = PairPlanner.PlanWave(PairingSimulation.Students(2, 1).State(2, 10), PairingOptions.Default, new CjRandom(1));
        var one = PairPlanner.PlanWave(PairingSimulation.Students(1, 1).State(2, 10), PairingOptions.Default, new CjRandom(1));

        Assert.Single(two.Pairs);
        Assert.Empty(one.Pairs);
    }

    [Fact]
    public void A_budget_below_n_truncates_the_cycle_to_a_path()
    {
        for (ulong seed = 1; seed <= 30; seed++)
        {
            var sim = PairingSimulation.Students(10, seed);
            var plan = PairPlanner.PlanWave(sim.State(waveSize: 5, budget: 9), PairingOptions.Default, new CjRandom(seed));

            Assert.Equal(9, plan.Pairs.Length);
            Assert.Equal(1, ComponentCount(sim.Essays.Select(e => e.Id), plan));
            Assert.All(plan.Pairs.Skip(1).Zip(plan.Pairs), z => Assert.Equal(z.Second.Second, z.First.First));
        }
    }

    [Fact]
    public void A_wave_size_above_n_is_filled_by_rounds_without_repeating_a_pair()
    {
        for (ulong seed = 1; seed <= 30; seed++)
        {
            var sim = PairingSimulation.Students(9, seed);
            var plan = PairPlanner.PlanWave(sim.State(waveSize: 20, budget: 15), PairingOptions.Default, new CjRandom(seed));

            Assert.Equal(15, plan.Pairs.Length);
            Assert.Equal(9, plan.Pairs.Count(p => p.Kind == PairKind.Cycle));
            Assert.All(plan.Pairs.Skip(9), p => Assert.Equal(PairKind.Round, p.Kind));
            Assert.Equal(15, plan.Pairs.Select(p => PairingSimulation.Unordered(p.First, p.Second)).Distinct().Count());
            var counts = sim.Essays.Select(e => plan.Pairs.Count(p => p.First == e.Id || p.Second == e.Id)).ToArray();
            Assert.True(counts.Max() - counts.Min() <= 1, string.Join(",", counts));
        }
    }

    internal static int ComponentCount(IEnumerable<EssayId> essays, WavePlan plan)
    {
        var parent = essays.ToDictionary(e => e, e => e);
        EssayId Find(EssayId x) => parent[x] == x ? x : parent[x] = Find(parent[x]);
        foreach (var p in plan.Pairs)
        {
            parent[Find(p.First)] = Find(p.Second);
        }

        return parent.Keys.Select(Find).Distinct().Count();
    }
}
