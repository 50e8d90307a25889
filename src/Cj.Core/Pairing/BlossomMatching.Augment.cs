namespace Cj.Core.Pairing;

/// <summary>Blossom expansion and augmentation of <see cref="BlossomMatching"/>.</summary>
internal sealed partial class BlossomMatching
{
    /// <summary>Dissolves top-level blossom <paramref name="b"/>; inside a stage a T-blossom's children are relabelled.</summary>
    private void ExpandBlossom(int b, bool endStage)
    {
        var children = _blossomChildren[b]!;
        foreach (var s in children)
        {
            _blossomParent[s] = -1;
            if (s < _n)
            {
                _inBlossom[s] = s;
            }
            else if (endStage && _dual[s] == 0)
            {
                ExpandBlossom(s, endStage);
            }
            else
            {
                foreach (var v in Leaves(s))
                {
                    _inBlossom[v] = s;
                }
            }
        }

        if (!endStage && _label[b] == 2)
        {
            RelabelExpandedT(b, children, _blossomEnds[b]!);
        }

        (_label[b], _labelEnd[b], _blossomBase[b], _bestEdge[b]) = (-1, -1, -1, -1);
        (_blossomChildren[b], _blossomEnds[b], _blossomBestEdges[b]) = (null, null, null);
        _unusedBlossoms.Add(b);
    }

    private void RelabelExpandedT(int b, List<int> children, List<int> ends)
    {
        // Walk from the child through which b got its label to the base, relabelling T and S children alternately.
        var entry = _inBlossom[_endpoint[_labelEnd[b] ^ 1]];
        var j = children.IndexOf(entry);
        var (step, trick) = (j & 1) != 0 ? (1, 0) : (-1, 1);
        if (step == 1)
        {
            j -= children.Count;
        }

        var p = _labelEnd[b];
        while (j != 0)
        {
            _label[_endpoint[p ^ 1]] = 0;
            _label[_endpoint[At(ends, j - trick) ^ trick ^ 1]] = 0;
            AssignLabel(_endpoint[p ^ 1], 2, p);
            _allowEdge[At(ends, j - trick) / 2] = true;
            j += step;
            p = At(ends, j - trick) ^ trick;
            _allowEdge[p / 2] = true;
            j += step;
        }

        // The base child becomes T without passing the label on to its mate.
        var bv = At(children, j);
        _label[_endpoint[p ^ 1]] = _label[bv] = 2;
        _labelEnd[_endpoint[p ^ 1]] = _labelEnd[bv] = p;
        _bestEdge[bv] = -1;
        j += step;
        while (At(children, j) != entry)
        {
            bv = At(children, j);
            j += step;
            if (_label[bv] == 1)
            {
                continue;
            }

            // A child that holds a vertex reached from outside becomes a T-blossom.
            var reached = Leaves(bv).FirstOrDefault(v => _label[v] != 0, -1);
            if (reached >= 0)
            {
                _label[reached] = 0;
                _label[_endpoint[_mate[_blossomBase[bv]]]] = 0;
                AssignLabel(reached, 2, _labelEnd[reached]);
            }
        }
    }

    /// <summary>Swaps matched and unmatched edges along the path from vertex <paramref name="v"/> to the base of <paramref name="b"/>.</summary>
    private void AugmentBlossom(int b, int v)
    {
        var t = v;
        while (_blossomParent[t] != b)
        {
            t = _blossomParent[t];
        }

        if (t >= _n)
        {
            AugmentBlossom(t, v);
        }

        var children = _blossomChildren[b]!;
        var ends = _blossomEnds[b]!;
        var i = children.IndexOf(t);
        var j = i;
        var (step, trick) = (i & 1) != 0 ? (1, 0) : (-1, 1);
        if (step == 1)
        {
            j -= children.Count;
        }

        while (j != 0)
        {
            j += step;
            t = At(children, j);
            var p = At(ends, j - trick) ^ trick;
            if (t >= _n)
            {
                AugmentBlossom(t, _endpoint[p]);
            }

            j += step;
            t = At(children, j);
            if (t >= _n)
            {
                AugmentBlossom(t, _endpoint[p ^ 1]);
            }

            _mate[_endpoint[p]] = p ^ 1;
            _mate[_endpoint[p ^ 1]] = p;
        }

        // Rotate so that the new base comes first.
        _blossomChildren[b] = [.. children.Skip(i), .. children.Take(i)];
        _blossomEnds[b] = [.. ends.Skip(i), .. ends.Take(i)];
        _blossomBase[b] = _blossomBase[_blossomChildren[b]![0]];
    }

    /// <summary>Augments along the path through edge <paramref name="k"/>, which joins two S-vertices.</summary>
    private void AugmentMatching(int k)
    {
        foreach (var (start, end) in new[] { (_edgeI[k], (2 * k) + 1), (_edgeJ[k], 2 * k) })
        {
            var (s, p) = (start, end);
            while (true)
            {
                var bs = _inBlossom[s];
                if (bs >= _n)
                {
                    AugmentBlossom(bs, s);
                }

                _mate[s] = p;
                if (_labelEnd[bs] == -1)
                {
                    break;
                }

                var bt = _inBlossom[_endpoint[_labelEnd[bs]]];
                s = _endpoint[_labelEnd[bt]];
                var j = _endpoint[_labelEnd[bt] ^ 1];
                if (bt >= _n)
                {
                    AugmentBlossom(bt, j);
                }

                _mate[j] = _labelEnd[bt];
                p = _labelEnd[bt] ^ 1;
            }
        }
    }
}
