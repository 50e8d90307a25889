using Cj.Core.Pairing;

namespace Cj.Core.Tests.Pairing;

/// <summary>
/// The exact maximum-weight matching behind the original policy: the classic blossom cases (S- and T-blossoms,
/// nesting, expansion; from the reference implementation's test suite) and random graphs against brute force.
/// </summary>
public sealed class BlossomMatchingTests
{
    public static TheoryData<string, bool, int[]> Cases() => new()
    {
        { "1-2:10 2-3:11", false, [-1, -1, 3, 2] },
        { "1-2:5 2-3:11 3-4:5", false, [-1, -1, 3, 2, -1] },
        { "1-2:5 2-3:11 3-4:5", true, [-1, 2, 1, 4, 3] },
        { "1-2:2 1-3:-2 2-3:1 2-4:-1 3-4:-6", false, [-1, 2, 1, -1, -1] },
        { "1-2:2 1-3:-2 2-3:1 2-4:-1 3-4:-6", true, [-1, 3, 4, 1, 2] },
        { "1-2:8 1-3:9 2-3:10 3-4:7", false, [-1, 2, 1, 4, 3] },
        { "1-2:8 1-3:9 2-3:10 3-4:7 1-6:5 4-5:6", false, [-1, 6, 3, 2, 5, 4, 1] },
        { "1-2:9 1-3:8 2-3:10 1-4:5 4-5:4 1-6:3", false, [-1, 6, 3, 2, 5, 4, 1] },
        { "1-2:9 1-3:8 2-3:10 1-4:5 4-5:3 1-6:4", false, [-1, 6, 3, 2, 5, 4, 1] },
        { "1-2:9 1-3:8 2-3:10 1-4:5 4-5:3 3-6:4", false, [-1, 2, 1, 6, 5, 4, 3] },
        { "1-2:9 1-3:9 2-3:10 2-4:8 3-5:8 4-5:10 5-6:6", false, [-1, 3, 4, 1, 2, 6, 5] },
        { "1-2:10 1-7:10 2-3:12 3-4:20 3-5:20 4-5:25 5-6:10 6-7:10 7-8:8", false, [-1, 2, 1, 4, 3, 6, 5, 8, 7] },
        { "1-2:8 1-3:8 2-3:10 2-4:12 3-5:12 4-5:14 4-6:12 5-7:12 6-7:14 7-8:12", false, [-1, 2, 1, 5, 6, 3, 4, 8, 7] },
        { "1-2:23 1-5:22 1-6:15 2-3:25 3-4:22 4-5:25 4-8:14 5-7:13", false, [-1, 6, 3, 2, 8, 7, 1, 5, 4] },
        { "1-2:19 1-3:20 1-8:8 2-3:25 2-4:18 3-5:18 4-5:13 4-7:7 5-6:7", false, [-1, 8, 3, 2, 7, 6, 5, 4, 1] },
        { "1-2:45 1-5:45 2-3:50 3-4:45 4-5:50 1-6:30 3-9:35 4-8:35 5-7:26 9-10:5", false, [-1, 6, 3, 2, 8, 7, 1, 5, 4, 10, 9] },
        { "1-2:45 1-5:45 2-3:50 3-4:45 4-5:50 1-6:30 3-9:35 4-8:26 5-7:40 9-10:5", false, [-1, 6, 3, 2, 8, 7, 1, 5, 4, 10, 9] },
        { "1-2:45 1-5:45 2-3:50 3-4:45 4-5:50 1-6:30 3-9:35 4-8:28 5-7:26 9-10:5", false, [-1, 6, 3, 2, 8, 7, 1, 5, 4, 10, 9] },
        {
            "1-2:45 1-7:45 2-3:50 3-4:45 4-5:95 4-6:94 5-6:94 6-7:50 1-8:30 3-11:35 5-9:36 7-10:26 11-12:5", false,
            [-1, 8, 3, 2, 6, 9, 4, 10, 1, 5, 7, 12, 11]
        },
        {
            "1-2:40 1-3:40 2-3:60 2-4:55 3-5:55 4-5:50 1-8:15 5-7:30 7-6:10 8-10:10 4-9:30", false,
            [-1, 2, 1, 5, 9, 3, 7, 6, 10, 4, 8]
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_reference_cases_give_the_reference_mates(string graph, bool maxCardinality, int[] expected)
    {
        var edges = graph.Split(' ').Select(e =>
        {
            var (pair, weight) = (e.Split(':')[0].Split('-'), e.Split(':')[1]);
            return (int.Parse(pair[0]), int.Parse(pair[1]), long.Parse(weight));
        }).ToList();

        Assert.Equal(expected, BlossomMatching.Solve(expected.Length, edges, maxCardinality));
    }

    [Fact]
    public void Random_graphs_match_brute_force_in_weight_and_cardinality()
    {
        var random = new CjRandom(2024);
        for (var round = 0; round < 400; round++)
        {
            var n = 2 + random.NextInt(8);
            var edges = new List<(int I, int J, long Weight)>();
            for (var i = 0; i < n; i++)
            {
                for (var j = i + 1; j < n; j++)
                {
                    if (random.NextDouble() < 0.6)
                    {
                        edges.Add((i, j, 1 + random.NextInt(30)));
                    }
                }
            }

            foreach (var maxCardinality in new[] { false, true })
            {
                var mate = BlossomMatching.Solve(n, edges, maxCardinality);
                Assert.All(Enumerable.Range(0, n), v => Assert.True(mate[v] == -1 || mate[mate[v]] == v));
                var chosen = edges.Where(e => mate[e.I] == e.J).ToList();
                var best = Best(edges, 0, new bool[n], maxCardinality);
                Assert.Equal(best.Weight, chosen.Sum(e => e.Weight));
                if (maxCardinality)
                {
                    Assert.Equal(best.Count, chosen.Count);
                }
            }
        }
    }

    // The best (cardinality, weight) lexicographically when maxCardinality, else the best weight (count then arbitrary).
    private static (int Count, long Weight) Best(List<(int I, int J, long Weight)> edges, int from, bool[] used, bool maxCardinality)
    {
        var best = (0, 0L);
        for (var k = from; k < edges.Count; k++)
        {
            var (i, j, w) = edges[k];
            if (used[i] || used[j])
            {
                continue;
            }

            used[i] = used[j] = true;
            var (c, s) = Best(edges, k + 1, used, maxCardinality);
            used[i] = used[j] = false;
            var candidate = (c + 1, s + w);
            if (maxCardinality ? candidate.CompareTo(best) > 0 : candidate.Item2 > best.Item2)
            {
                best = candidate;
            }
        }

        return best;
    }
}
