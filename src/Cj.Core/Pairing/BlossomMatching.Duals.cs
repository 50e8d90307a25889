namespace Cj.Core.Pairing;

/// <summary>The dual update of <see cref="BlossomMatching"/> (all quantities doubled, as the slacks are).</summary>
internal sealed partial class BlossomMatching
{
    /// <summary>Moves the duals by the least δ that makes progress; false when the optimum is reached.</summary>
    private bool AdjustDuals(bool maxCardinality)
    {
        var (type, delta, edge, blossom) = (-1, 0L, -1, -1);
        if (!maxCardinality)
        {
            (type, delta) = (1, _dual.Take(_n).Min());
        }

        for (var v = 0; v < _n; v++)
        {
            if (_label[_inBlossom[v]] == 0 && _bestEdge[v] != -1 && (type == -1 || Slack(_bestEdge[v]) < delta))
            {
                (type, delta, edge) = (2, Slack(_bestEdge[v]), _bestEdge[v]);
            }
        }

        for (var b = 0; b < 2 * _n; b++)
        {
            if (_blossomParent[b] == -1 && _label[b] == 1 && _bestEdge[b] != -1
                && (type == -1 || Slack(_bestEdge[b]) / 2 < delta))
            {
                (type, delta, edge) = (3, Slack(_bestEdge[b]) / 2, _bestEdge[b]);
            }
        }

        for (var b = _n; b < 2 * _n; b++)
        {
            if (_blossomBase[b] >= 0 && _blossomParent[b] == -1 && _label[b] == 2 && (type == -1 || _dual[b] < delta))
            {
                (type, delta, blossom) = (4, _dual[b], b);
            }
        }

        if (type == -1)
        {
            // Maximum cardinality reached: a final δ keeps the duals verifiable.
            (type, delta) = (1, Math.Max(0, _dual.Take(_n).Min()));
        }

        for (var v = 0; v < _n; v++)
        {
            _dual[v] += _label[_inBlossom[v]] switch { 1 => -delta, 2 => delta, _ => 0 };
        }

        for (var b = _n; b < 2 * _n; b++)
        {
            if (_blossomBase[b] >= 0 && _blossomParent[b] == -1)
            {
                _dual[b] += _label[b] switch { 1 => delta, 2 => -delta, _ => 0 };
            }
        }

        switch (type)
        {
            case 2:
                _allowEdge[edge] = true;
                _queue.Add(_label[_inBlossom[_edgeI[edge]]] == 0 ? _edgeJ[edge] : _edgeI[edge]);
                return true;
            case 3:
                _allowEdge[edge] = true;
                _queue.Add(_edgeI[edge]);
                return true;
            case 4:
                ExpandBlossom(blossom, endStage: false);
                return true;
            default:
                return false;
        }
    }
}
