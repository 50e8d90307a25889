namespace Cj.Core.Pairing;

/// <summary>
/// Exact maximum-weight matching in a general graph by Edmonds' blossom algorithm with the primal–dual method, in
/// O(n³) (Galil 1986, "Efficient algorithms for finding maximum matching in graphs"; the structure follows
/// J. van Rantwijk's reference implementation). Weights are integers, so every dual variable and slack is exact.
/// With <c>maxCardinality</c> only maximum-cardinality matchings are considered.
/// </summary>
/// <remarks>
/// Vertices are 0 … n−1; non-trivial blossoms are n … 2n−1. Edge k has endpoints 2k (its first vertex) and 2k+1
/// (its second). Vertex duals are stored doubled, so slack(k) = dualᵢ + dualⱼ − 2wₖ is twice the true slack.
/// Labels: 0 free, 1 S (outer), 2 T (inner); 5 marks a breadcrumb while scanning.
/// </remarks>
internal sealed partial class BlossomMatching
{
    private readonly int _n;
    private readonly int[] _edgeI;
    private readonly int[] _edgeJ;
    private readonly long[] _weight;
    private readonly int[] _endpoint;
    private readonly List<int>[] _neighbourEnds;
    private readonly int[] _mate;
    private readonly int[] _label;
    private readonly int[] _labelEnd;
    private readonly int[] _inBlossom;
    private readonly int[] _blossomParent;
    private readonly List<int>?[] _blossomChildren;
    private readonly List<int>?[] _blossomEnds;
    private readonly int[] _blossomBase;
    private readonly int[] _bestEdge;
    private readonly List<int>?[] _blossomBestEdges;
    private readonly List<int> _unusedBlossoms;
    private readonly long[] _dual;
    private readonly bool[] _allowEdge;
    private readonly List<int> _queue = [];

    private BlossomMatching(int vertexCount, IReadOnlyList<(int I, int J, long Weight)> edges)
    {
        _n = vertexCount;
        var m = edges.Count;
        (_edgeI, _edgeJ, _weight, _endpoint) = (new int[m], new int[m], new long[m], new int[2 * m]);
        _neighbourEnds = new List<int>[_n];
        for (var v = 0; v < _n; v++)
        {
            _neighbourEnds[v] = [];
        }

        long maxWeight = 0;
        for (var k = 0; k < m; k++)
        {
            var (i, j, w) = edges[k];
            (_edgeI[k], _edgeJ[k], _weight[k]) = (i, j, w);
            (_endpoint[2 * k], _endpoint[(2 * k) + 1]) = (i, j);
            _neighbourEnds[i].Add((2 * k) + 1);
            _neighbourEnds[j].Add(2 * k);
            maxWeight = Math.Max(maxWeight, w);
        }

        _mate = Enumerable.Repeat(-1, _n).ToArray();
        _label = new int[2 * _n];
        _labelEnd = Enumerable.Repeat(-1, 2 * _n).ToArray();
        _inBlossom = Enumerable.Range(0, _n).ToArray();
        _blossomParent = Enumerable.Repeat(-1, 2 * _n).ToArray();
        _blossomChildren = new List<int>?[2 * _n];
        _blossomEnds = new List<int>?[2 * _n];
        _blossomBase = [.. Enumerable.Range(0, _n), .. Enumerable.Repeat(-1, _n)];
        _bestEdge = Enumerable.Repeat(-1, 2 * _n).ToArray();
        _blossomBestEdges = new List<int>?[2 * _n];
        _unusedBlossoms = [.. Enumerable.Range(_n, _n)];
        _dual = [.. Enumerable.Repeat(maxWeight, _n), .. new long[_n]];
        _allowEdge = new bool[m];
    }

    /// <summary>
    /// The mate of every vertex (−1 when unmatched) in a maximum-weight matching of the undirected graph with
    /// <paramref name="vertexCount"/> vertices and <paramref name="edges"/> (at most one edge per pair, no loops).
    /// </summary>
    public static int[] Solve(int vertexCount, IReadOnlyList<(int I, int J, long Weight)> edges, bool maxCardinality)
    {
        if (edges.Count == 0)
        {
            return Enumerable.Repeat(-1, vertexCount).ToArray();
        }

        var matching = new BlossomMatching(vertexCount, edges);
        matching.Run(maxCardinality);
        return [.. matching._mate.Select(p => p >= 0 ? matching._endpoint[p] : -1)];
    }

    private long Slack(int k) => _dual[_edgeI[k]] + _dual[_edgeJ[k]] - (2 * _weight[k]);

    private void Run(bool maxCardinality)
    {
        // Each stage finds one augmenting path; there are at most n/2 augmentations.
        for (var stage = 0; stage < _n; stage++)
        {
            Array.Clear(_label);
            Array.Fill(_bestEdge, -1);
            Array.Fill(_blossomBestEdges, null, _n, _n);
            Array.Clear(_allowEdge);
            _queue.Clear();
            for (var v = 0; v < _n; v++)
            {
                if (_mate[v] == -1 && _label[_inBlossom[v]] == 0)
                {
                    AssignLabel(v, 1, -1);
                }
            }

            var augmented = false;
            while (true)
            {
                augmented = Grow();
                if (augmented || !AdjustDuals(maxCardinality))
                {
                    break;
                }
            }

            if (!augmented)
            {
                return;
            }

            // End of a stage: expand every S-blossom whose dual has reached zero.
            for (var b = _n; b < 2 * _n; b++)
            {
                if (_blossomParent[b] == -1 && _blossomBase[b] >= 0 && _label[b] == 1 && _dual[b] == 0)
                {
                    ExpandBlossom(b, endStage: true);
                }
            }
        }
    }

    /// <summary>Labels along tight edges from the queued S-vertices; true when the matching was augmented.</summary>
    private bool Grow()
    {
        while (_queue.Count > 0)
        {
            var v = _queue[^1];
            _queue.RemoveAt(_queue.Count - 1);
            foreach (var p in _neighbourEnds[v])
            {
                var k = p / 2;
                var w = _endpoint[p];
                if (_inBlossom[v] == _inBlossom[w])
                {
                    continue;
                }

                long slack = 0;
                if (!_allowEdge[k])
                {
                    slack = Slack(k);
                    _allowEdge[k] = slack <= 0;
                }

                if (_allowEdge[k])
                {
                    if (_label[_inBlossom[w]] == 0)
                    {
                        AssignLabel(w, 2, p ^ 1);
                    }
                    else if (_label[_inBlossom[w]] == 1)
                    {
                        var baseVertex = ScanBlossom(v, w);
                        if (baseVertex < 0)
                        {
                            AugmentMatching(k);
                            return true;
                        }

                        AddBlossom(baseVertex, k);
                    }
                    else if (_label[w] == 0)
                    {
                        // w is inside a T-blossom but not yet reached from outside it: remember how it can be.
                        (_label[w], _labelEnd[w]) = (2, p ^ 1);
                    }
                }
                else if (_label[_inBlossom[w]] == 1)
                {
                    var b = _inBlossom[v];
                    if (_bestEdge[b] == -1 || slack < Slack(_bestEdge[b]))
                    {
                        _bestEdge[b] = k;
                    }
                }
                else if (_label[w] == 0 && (_bestEdge[w] == -1 || slack < Slack(_bestEdge[w])))
                {
                    _bestEdge[w] = k;
                }
            }
        }

        return false;
    }
}
