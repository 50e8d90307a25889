using Cj.Core.Pairing;

namespace Cj.Core.Tests.Pairing;

/// <summary>Above 200 essays each eligible essay keeps a limited candidate list; the wave invariants still hold.</summary>
public sealed class LargeBatchTests
{
    [Fact]
    public void A_large_batch_keeps_counts_balanced_without_repeats_and_is_deterministic()
    {
        var sim = PairingSimulation.Students(251, 5);
        for (var wave = 1; wave <= 3; wave++)
        {
            var state = sim.State(waveSize: 126, budget: 10_000);
            var plan = PairPlanner.PlanWave(state, PairingOptions.Default, CjRandom.ForWave(5, wave));
            var again = PairPlanner.PlanWave(state, PairingOptions.Default, CjRandom.ForWave(5, wave));
            sim.Settle(plan);

            Assert.Equal(plan.Pairs.ToArray(), again.Pairs.ToArray());
            Assert.Equal(wave == 1 ? 251 : 126, plan.Pairs.Length);
            Assert.Equal(plan.Pairs.Length, plan.Pairs.Select(p => PairingSimulation.Unordered(p.First, p.Second)).Distinct().Count());
            var counts = sim.Counts().Values.ToArray();
            Assert.True(counts.Max() - counts.Min() <= 1, $"wave {wave}: {counts.Min()}…{counts.Max()}");
        }
    }
}
