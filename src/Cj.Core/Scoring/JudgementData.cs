using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace Cj.Core.Scoring;

/// <summary>
/// Judgements indexed for fitting. Essays are indexed in ordinal order of their ids. Judgements are aggregated into
/// rows (i &lt; j, position f, count, wins of i): f = +1 when i was shown first, −1 when j was, 0 when unknown.
/// Rows are sorted, so the aggregate does not depend on the order judgements arrive in.
/// </summary>
internal sealed class JudgementData
{
    private readonly Dictionary<string, int> _index;

    private JudgementData(ImmutableArray<EssayId> ids, int judgementCount)
    {
        Ids = ids;
        _index = new Dictionary<string, int>(ids.Length, StringComparer.Ordinal);
        for (var i = 0; i < ids.Length; i++)
        {
            _index[ids[i].Value] = i;
        }

        JudgementCount = judgementCount;
        Wins = new int[ids.Length];
        Losses = new int[ids.Length];
    }

    public ImmutableArray<EssayId> Ids { get; }

    public int Count => Ids.Length;

    public int JudgementCount { get; }

    public int[] RowI { get; private set; } = [];

    public int[] RowJ { get; private set; } = [];

    public sbyte[] RowF { get; private set; } = [];

    public double[] RowN { get; private set; } = [];

    public double[] RowWinsI { get; private set; } = [];

    public int[] Wins { get; }

    public int[] Losses { get; }

    /// <summary>Winner and loser indices of every judgement in sequence order (for per-judgement statistics).</summary>
    public int[] WinnerOf { get; private set; } = [];

    public int[] LoserOf { get; private set; } = [];

    /// <summary>Position of the winner per judgement: +1 shown first, −1 shown second, 0 unknown.</summary>
    public sbyte[] WinnerPosition { get; private set; } = [];

    public int RowCount => RowI.Length;

    public int ComparisonsOf(int i) => Wins[i] + Losses[i];

    public int KnownPositionCount { get; private set; }

    public int FirstShownWins { get; private set; }

    public int FirstShownLosses { get; private set; }

    public static JudgementData Build(IEnumerable<EssayId> essays, IReadOnlyList<Judgement> judgements)
    {
        var ids = essays.Distinct().Order().ToImmutableArray();
        var data = new JudgementData(ids, judgements.Count);
        data.Index(judgements);
        return data;
    }

    public static JudgementData Build(IEnumerable<Essay> essays, IReadOnlyList<Judgement> judgements) =>
        Build(essays.Select(e => e.Id), judgements);

    public int IndexOf(EssayId id)
    {
        return _index.TryGetValue(id.Value, out var index)
            ? index
            : throw new ArgumentException($"Judgement refers to unknown essay id '{id}'.");
    }

    private void Index(IReadOnlyList<Judgement> judgements)
    {
        var ordered = judgements.Count > 1 && !IsSorted(judgements)
            ? judgements.OrderBy(j => j.Sequence).ToArray()
            : judgements;
        var m = ordered.Count;
        WinnerOf = new int[m];
        LoserOf = new int[m];
        WinnerPosition = new sbyte[m];
        var keys = new long[m];
        var n = (long)Count;
        for (var c = 0; c < m; c++)
        {
            var judgement = ordered[c];
            var w = IndexOf(judgement.Winner);
            var l = IndexOf(judgement.Loser);
            if (w == l)
            {
                throw new ArgumentException($"Judgement {judgement.Sequence} compares essay '{judgement.Winner}' with itself.");
            }

            sbyte position = 0;
            if (judgement.ShownFirst is { } first)
            {
                position = first == judgement.Winner ? (sbyte)1
                    : first == judgement.Loser ? (sbyte)-1
                    : throw new ArgumentException($"Judgement {judgement.Sequence} shows '{first}' first, which is neither of its essays.");
                KnownPositionCount++;
                if (position > 0)
                {
                    FirstShownWins++;
                }
                else
                {
                    FirstShownLosses++;
                }
            }

            WinnerOf[c] = w;
            LoserOf[c] = l;
            WinnerPosition[c] = position;
            Wins[w]++;
            Losses[l]++;
            var (i, j) = w < l ? (w, l) : (l, w);
            var iWon = w == i ? 1L : 0L;
            var f = w == i ? position : -position; // position of i: +1 when i was shown first
            keys[c] = (((((i * n) + j) * 3) + f + 1) << 1) | iWon;
        }

        Aggregate(keys, n);
    }

    private void Aggregate(long[] keys, long n)
    {
        Numerics.RadixSort.Sort(keys);
        var groups = 0;
        for (var k = 0; k < keys.Length; k++)
        {
            groups += k == 0 || keys[k] >> 1 != keys[k - 1] >> 1 ? 1 : 0;
        }

        RowI = new int[groups];
        RowJ = new int[groups];
        RowF = new sbyte[groups];
        RowN = new double[groups];
        RowWinsI = new double[groups];
        var row = -1;
        for (var k = 0; k < keys.Length; k++)
        {
            var group = keys[k] >> 1;
            if (k == 0 || group != keys[k - 1] >> 1)
            {
                row++;
                var pair = group / 3;
                RowI[row] = (int)(pair / n);
                RowJ[row] = (int)(pair % n);
                RowF[row] = (sbyte)((group % 3) - 1);
            }

            RowN[row]++;
            RowWinsI[row] += keys[k] & 1;
        }
    }

    private static bool IsSorted(IReadOnlyList<Judgement> judgements)
    {
        for (var c = 1; c < judgements.Count; c++)
        {
            if (judgements[c].Sequence < judgements[c - 1].Sequence)
            {
                return false;
            }
        }

        return true;
    }

    internal static ReadOnlySpan<double> AsSpan(ImmutableArray<double> values) => ImmutableCollectionsMarshal.AsArray(values);
}
