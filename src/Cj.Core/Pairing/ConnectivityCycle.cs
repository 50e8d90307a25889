namespace Cj.Core.Pairing;

/// <summary>
/// §6 step 1: shuffle the essays into o₁…oₙ and plan the cycle o₁o₂, …, oₙo₁ oriented along it, so every essay is shown
/// once first and once second and the graph survives any single failure. Two essays give one pair; a wave smaller than
/// n truncates the cycle to a path.
/// </summary>
internal static class ConnectivityCycle
{
    public static void Plan(WaveBuilder builder)
    {
        var n = builder.Count;
        if (n < 2)
        {
            return;
        }

        var order = Enumerable.Range(0, n).ToArray();
        builder.Random.Shuffle(order.AsSpan());
        var edges = n == 2 ? 1 : n;
        for (var k = 0; k < edges && !builder.IsFull; k++)
        {
            var (first, second) = (order[k], order[(k + 1) % n]);
            if (builder.IsFresh(first, second))
            {
                builder.Plan(first, second, PairKind.Cycle);
            }
        }
    }
}
