namespace Cj.Core.Scoring;

/// <summary>Connectivity of the judgement graph and Ford's condition for the existence of the ML estimate.</summary>
internal static class Graph
{
    /// <summary>Components by union–find, numbered by descending size, then by lowest essay index (0 = largest).</summary>
    public static (int[] ComponentOf, int Count) Components(JudgementData data)
    {
        var n = data.Count;
        var parent = new int[n];
        for (var i = 0; i < n; i++)
        {
            parent[i] = i;
        }

        for (var r = 0; r < data.RowCount; r++)
        {
            var a = Find(parent, data.RowI[r]);
            var b = Find(parent, data.RowJ[r]);
            if (a != b)
            {
                parent[Math.Max(a, b)] = Math.Min(a, b);
            }
        }

        var size = new int[n];
        for (var i = 0; i < n; i++)
        {
            size[Find(parent, i)]++;
        }

        var roots = Enumerable.Range(0, n).Where(i => parent[i] == i)
            .OrderByDescending(i => size[i]).ThenBy(i => i).ToArray();
        var label = new int[n];
        for (var k = 0; k < roots.Length; k++)
        {
            label[roots[k]] = k;
        }

        var componentOf = new int[n];
        for (var i = 0; i < n; i++)
        {
            componentOf[i] = label[Find(parent, i)];
        }

        return (componentOf, roots.Length);
    }

    /// <summary>
    /// Ford's condition: within each component the digraph loser → winner is strongly connected. When it fails the
    /// ML estimate does not exist (some set of essays never loses to the rest).
    /// </summary>
    public static bool FordConditionHolds(JudgementData data, int[] componentOf, int componentCount)
    {
        var n = data.Count;
        var adjacency = new List<int>[n];
        for (var i = 0; i < n; i++)
        {
            adjacency[i] = [];
        }

        for (var r = 0; r < data.RowCount; r++)
        {
            var (i, j) = (data.RowI[r], data.RowJ[r]);
            if (data.RowWinsI[r] > 0)
            {
                adjacency[j].Add(i);
            }

            if (data.RowWinsI[r] < data.RowN[r])
            {
                adjacency[i].Add(j);
            }
        }

        var sccCount = StronglyConnectedComponentCount(adjacency);
        return sccCount == componentCount;
    }

    private static int Find(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }

        return i;
    }

    // Iterative Tarjan: counts strongly connected components without recursion depth limits.
    private static int StronglyConnectedComponentCount(List<int>[] adjacency)
    {
        var n = adjacency.Length;
        var index = new int[n];
        var low = new int[n];
        var onStack = new bool[n];
        Array.Fill(index, -1);
        var stack = new Stack<int>();
        var work = new Stack<(int Node, int Edge)>();
        var next = 0;
        var count = 0;
        for (var start = 0; start < n; start++)
        {
            if (index[start] >= 0)
            {
                continue;
            }

            work.Push((start, 0));
            while (work.Count > 0)
            {
                var (v, e) = work.Pop();
                if (e == 0)
                {
                    index[v] = low[v] = next++;
                    stack.Push(v);
                    onStack[v] = true;
                }

                if (e < adjacency[v].Count)
                {
                    work.Push((v, e + 1));
                    var w = adjacency[v][e];
                    if (index[w] < 0)
                    {
                        work.Push((w, 0));
                    }
                    else if (onStack[w])
                    {
                        low[v] = Math.Min(low[v], index[w]);
                    }

                    continue;
                }

                if (low[v] == index[v])
                {
                    count++;
                    int w;
                    do
                    {
                        w = stack.Pop();
                        onStack[w] = false;
                    }
                    while (w != v);
                }

                if (work.Count > 0)
                {
                    var parent = work.Peek().Node;
                    low[parent] = Math.Min(low[parent], low[v]);
                }
            }
        }

        return count;
    }
}
