using Cj.Core.Pairing;
using Xunit.Abstractions;

namespace Cj.Core.Tests.Pairing;

public sealed class TmpExplore(ITestOutputHelper output)
{
    [Fact]
    public void Explore()
    {
        foreach (var n in new[] { 10, 17, 40, 61 })
        foreach (var w in new[] { (n + 1) / 2, n / 3, n })
        foreach (var strategy in new[] { PairMatchingStrategy.Adaptive, PairMatchingStrategy.Random })
        {
            int bad = 0, checks = 0;
            for (ulong seed = 1; seed <= 60; seed++)
            {
                var sim = PairingSimulation.Students(n, seed);
                for (var wave = 1; wave <= 12; wave++)
                {
                    sim.Step(PairingOptions.Default with { Strategy = strategy }, w);
                    var counts = sim.Counts().Values.ToArray();
                    if (n - 1 - counts.Max() >= n / 2.0)
                    {
                        checks++;
                        if (counts.Max() - counts.Min() > 1) bad++;
                    }
                }
            }
            output.WriteLine($"n={n} w={w} {strategy}: bad {bad}/{checks}");
        }
    }
}
