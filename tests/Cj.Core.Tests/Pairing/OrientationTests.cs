using Cj.Core.Pairing;

namespace Cj.Core.Tests.Pairing;

/// <summary>§6 step 4 and §12 A14: orientation keeps each essay's shown-first and shown-second counts close.</summary>
public sealed class OrientationTests
{
    [Theory]
    [InlineData(PairMatchingStrategy.Adaptive)]
    [InlineData(PairMatchingStrategy.Random)]
    public void After_twenty_comparisons_per_essay_three_quarters_are_balanced_within_one_and_none_beyond_six(
        PairMatchingStrategy strategy)
    {
        var options = PairingOptions.Default with { Strategy = strategy };
        for (ulong seed = 1; seed <= 2; seed++)
        {
            var sim = PairingSimulation.Students(50, seed);
            while (sim.Counts().Values.Min() < 20)
            {
                sim.Step(options, 25);
            }

            var skews = sim.Skews().Values.ToArray();
            var balanced = skews.Count(k => Math.Abs(k) <= 1) / (double)skews.Length;
            Assert.True(balanced >= 0.75, $"{strategy} seed {seed}: share {balanced} skews {string.Join(",", skews)} counts {string.Join(",", sim.Counts().Values)}");
            Assert.True(skews.Max(Math.Abs) <= 6, $"seed {seed}: max skew {skews.Max(Math.Abs)}");
        }
    }

    [Fact]
    public void The_less_skewed_order_is_chosen_when_the_orders_differ()
    {
        // s0 was shown first twice, s1 second twice: the next s0–s1 pair must show s1 first.
        var sim = PairingSimulation.Students(4, 1);
        var state = sim.State(2, 10) with
        {
            Wave = 2,
            Comparisons =
            [
                new PairRecord(new EssayId("s000"), new EssayId("s002"), ComparisonStatus.Succeeded),
                new PairRecord(new EssayId("s000"), new EssayId("s003"), ComparisonStatus.Succeeded),
                new PairRecord(new EssayId("s002"), new EssayId("s001"), ComparisonStatus.Succeeded),
                new PairRecord(new EssayId("s003"), new EssayId("s001"), ComparisonStatus.Succeeded),
            ],
        };

        for (ulong seed = 1; seed <= 20; seed++)
        {
            var plan = PairPlanner.PlanWave(state, PairingOptions.Default with { SwapReaskShare = 0 }, new CjRandom(seed));
            var pair = Assert.Single(plan.Pairs.Where(p => p.Kind == PairKind.Round && p.First.Value is "s000" or "s001"
                && p.Second.Value is "s000" or "s001"));
            Assert.Equal(("s001", "s000"), (pair.First.Value, pair.Second.Value));
        }
    }
}
