namespace Cj.Core.Pairing;

/// <summary>Labelling, blossom construction and expansion, and augmentation of <see cref="BlossomMatching"/>.</summary>
internal sealed partial class BlossomMatching
{
    private static int At(List<int> list, int index) => list[index < 0 ? index + list.Count : index];

    private List<int> Leaves(int b)
    {
        var leaves = new List<int>();
        AddLeaves(b, leaves);
        return leaves;
    }

    private void AddLeaves(int b, List<int> leaves)
    {
        if (b < _n)
        {
            leaves.Add(b);
            return;
        }

        foreach (var child in _blossomChildren[b]!)
        {
            AddLeaves(child, leaves);
        }
    }

    /// <summary>Labels the top-level blossom of <paramref name="w"/> with <paramref name="t"/>, reached through endpoint <paramref name="p"/>.</summary>
    private void AssignLabel(int w, int t, int p)
    {
        var b = _inBlossom[w];
        _label[w] = _label[b] = t;
        _labelEnd[w] = _labelEnd[b] = p;
        _bestEdge[w] = _bestEdge[b] = -1;
        if (t == 1)
        {
            _queue.AddRange(Leaves(b));
        }
        else
        {
            // A T-blossom's base is its only vertex matched outside it; its mate becomes S.
            var baseMate = _mate[_blossomBase[b]];
            AssignLabel(_endpoint[baseMate], 1, baseMate ^ 1);
        }
    }

    /// <summary>Traces back from two S-vertices; returns the base of a new blossom, or −1 for an augmenting path.</summary>
    private int ScanBlossom(int v, int w)
    {
        var path = new List<int>();
        var baseVertex = -1;
        while (v != -1 || w != -1)
        {
            var b = _inBlossom[v];
            if ((_label[b] & 4) != 0)
            {
                baseVertex = _blossomBase[b];
                break;
            }

            path.Add(b);
            _label[b] = 5;
            if (_labelEnd[b] == -1)
            {
                v = -1;
            }
            else
            {
                v = _endpoint[_labelEnd[b]];
                v = _endpoint[_labelEnd[_inBlossom[v]]];
            }

            if (w != -1)
            {
                (v, w) = (w, v);
            }
        }

        foreach (var b in path)
        {
            _label[b] = 1;
        }

        return baseVertex;
    }

    /// <summary>Makes a new S-blossom with the given base, closed by edge <paramref name="k"/> between two S-vertices.</summary>
    private void AddBlossom(int baseVertex, int k)
    {
        var (bb, bv, bw) = (_inBlossom[baseVertex], _inBlossom[_edgeI[k]], _inBlossom[_edgeJ[k]]);
        var b = _unusedBlossoms[^1];
        _unusedBlossoms.RemoveAt(_unusedBlossoms.Count - 1);
        (_blossomBase[b], _blossomParent[b], _blossomParent[bb]) = (baseVertex, -1, b);
        var path = new List<int>();
        var ends = new List<int>();
        (_blossomChildren[b], _blossomEnds[b]) = (path, ends);
        while (bv != bb)
        {
            _blossomParent[bv] = b;
            path.Add(bv);
            ends.Add(_labelEnd[bv]);
            bv = _inBlossom[_endpoint[_labelEnd[bv]]];
        }

        path.Add(bb);
        path.Reverse();
        ends.Reverse();
        ends.Add(2 * k);
        while (bw != bb)
        {
            _blossomParent[bw] = b;
            path.Add(bw);
            ends.Add(_labelEnd[bw] ^ 1);
            bw = _inBlossom[_endpoint[_labelEnd[bw]]];
        }

        (_label[b], _labelEnd[b], _dual[b]) = (1, _labelEnd[bb], 0);
        foreach (var v in Leaves(b))
        {
            if (_label[_inBlossom[v]] == 2)
            {
                _queue.Add(v);
            }

            _inBlossom[v] = b;
        }

        BestEdgesOf(b, path);
    }

    /// <summary>The least-slack edge from the new blossom to each neighbouring S-blossom, and the least of them.</summary>
    private void BestEdgesOf(int b, List<int> path)
    {
        var bestTo = Enumerable.Repeat(-1, 2 * _n).ToArray();
        foreach (var sub in path)
        {
            var edges = _blossomBestEdges[sub]
                ?? [.. Leaves(sub).SelectMany(v => _neighbourEnds[v]).Select(p => p / 2)];
            foreach (var k in edges)
            {
                var j = _inBlossom[_edgeJ[k]] == b ? _edgeI[k] : _edgeJ[k];
                var bj = _inBlossom[j];
                if (bj != b && _label[bj] == 1 && (bestTo[bj] == -1 || Slack(k) < Slack(bestTo[bj])))
                {
                    bestTo[bj] = k;
                }
            }

            (_blossomBestEdges[sub], _bestEdge[sub]) = (null, -1);
        }

        var best = _blossomBestEdges[b] = [.. bestTo.Where(k => k != -1)];
        _bestEdge[b] = -1;
        foreach (var k in best)
        {
            if (_bestEdge[b] == -1 || Slack(k) < Slack(_bestEdge[b]))
            {
                _bestEdge[b] = k;
            }
        }
    }
}
