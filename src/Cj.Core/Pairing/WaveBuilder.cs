using System.Collections.Immutable;

namespace Cj.Core.Pairing;

/// <summary>
/// The mutable bookkeeping of one wave being planned: counts cₑ (successes plus pending), skews kₑ (shown first minus
/// shown second over the same comparisons), asks per unordered pair, permanent failures and the pairs planned so far.
/// Essays are addressed by their index in <see cref="PlanningState.Essays"/>.
/// </summary>
internal sealed class WaveBuilder
{
    private readonly Dictionary<long, PairStat> _pairs = [];
    private readonly List<int>[] _partners;
    private readonly int[] _unasked;
    private readonly List<PlannedPair> _planned = [];
    private readonly List<(int First, int Second)> _plannedIndices = [];

    public WaveBuilder(PlanningState state, PairingOptions options, CjRandom random, int target)
    {
        Essays = state.Essays;
        Options = options;
        Random = random;
        Target = target;
        var n = Essays.Length;
        Counts = new int[n];
        Skews = new int[n];
        _partners = new List<int>[n];
        var index = new Dictionary<EssayId, int>(n);
        for (var i = 0; i < n; i++)
        {
            _partners[i] = [];
            if (!index.TryAdd(Essays[i].Id, i))
            {
                throw new ArgumentException($"Essay '{Essays[i].Id}' appears twice.", nameof(state));
            }
        }

        _unasked = Enumerable.Repeat(n - 1, n).ToArray();
        foreach (var record in state.Comparisons)
        {
            Record(Lookup(index, record.First), Lookup(index, record.Second), record.Status);
        }
    }

    public ImmutableArray<Essay> Essays { get; }

    public PairingOptions Options { get; }

    public CjRandom Random { get; }

    public int Count => Essays.Length;

    /// <summary>How many pairs the wave may hold; planning stops there.</summary>
    public int Target { get; set; }

    public int[] Counts { get; }

    public int[] Skews { get; }

    /// <summary>The wave so far as essay indices, in planning order.</summary>
    public IReadOnlyList<(int First, int Second)> PlannedIndices => _plannedIndices;

    public bool IsFull => _planned.Count >= Target;

    public PairStat? StatOf(int i, int j) => _pairs.GetValueOrDefault(Key(i, j));

    public IReadOnlyList<int> PartnersOf(int e) => _partners[e];

    /// <summary>Whether <paramref name="e"/> still has a partner it was never asked with (failed pairs excluded).</summary>
    public bool HasUnaskedPartner(int e) => _unasked[e] > 0;

    /// <summary>True when the pair has never been asked and has not failed.</summary>
    public bool IsFresh(int i, int j) => i != j && StatOf(i, j) is null or { Asks: 0, Failed: false };

    /// <summary>How the pair may enter a fill round: fresh, as an exhaustion repeat, or not at all.</summary>
    public RoundOption RoundOptionOf(int i, int j)
    {
        if (i == j)
        {
            return RoundOption.None;
        }

        var stat = StatOf(i, j);
        if (stat is null || (stat.Asks == 0 && !stat.Failed))
        {
            return RoundOption.Fresh;
        }

        // A repeat inside the wave would ask a pair whose first ask has not been answered yet, so it waits.
        return !stat.Failed && !stat.InWave && stat.Asks < Options.MaxAsksPerPair
            && (_unasked[i] == 0 || _unasked[j] == 0)
            ? RoundOption.Repeat
            : RoundOption.None;
    }

    /// <summary>Whether <paramref name="e"/> can still take any pair in a round of this wave.</summary>
    public bool IsAlive(int e)
    {
        if (_unasked[e] > 0)
        {
            return true;
        }

        foreach (var p in _partners[e])
        {
            if (RoundOptionOf(e, p) != RoundOption.None)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Plans the pair in the orientation of §6 step 4: minimise |kₐ±1| + |k_b∓1|, a seeded coin on ties.</summary>
    public void PlanBalanced(int a, int b, PairKind kind)
    {
        var keep = Math.Abs(Skews[a] + 1) + Math.Abs(Skews[b] - 1);
        var swap = Math.Abs(Skews[a] - 1) + Math.Abs(Skews[b] + 1);
        var aFirst = keep != swap ? keep < swap : Random.NextInt(2) == 0;
        Plan(aFirst ? a : b, aFirst ? b : a, kind);
    }

    /// <summary>Plans the pair in the reverse of its most recent ask (a re-ask or an exhaustion repeat).</summary>
    public void PlanReversed(int a, int b, PairKind kind)
    {
        var last = StatOf(a, b)?.LastFirst ?? -1;
        if (last < 0)
        {
            PlanBalanced(a, b, kind);
            return;
        }

        Plan(last == a ? b : a, last, kind);
    }

    /// <summary>Adds the comparison (<paramref name="first"/>, <paramref name="second"/>) to the wave.</summary>
    public void Plan(int first, int second, PairKind kind)
    {
        _planned.Add(new PlannedPair(Essays[first].Id, Essays[second].Id, kind));
        _plannedIndices.Add((first, second));
        Record(first, second, ComparisonStatus.Pending).InWave = true;
    }

    public WavePlan ToPlan() => new([.. _planned.Take(Math.Max(Target, 0))]);

    private static long Key(int i, int j) => i < j ? ((long)i << 32) | (uint)j : ((long)j << 32) | (uint)i;

    private static int Lookup(Dictionary<EssayId, int> index, EssayId id) =>
        index.TryGetValue(id, out var i)
            ? i
            : throw new ArgumentException($"A comparison names essay '{id}', which is not in the batch.", nameof(id));

    private PairStat Record(int first, int second, ComparisonStatus status)
    {
        if (first == second)
        {
            throw new ArgumentException($"A comparison pairs essay '{Essays[first].Id}' with itself.", nameof(first));
        }

        var key = Key(first, second);
        if (!_pairs.TryGetValue(key, out var stat))
        {
            stat = new PairStat();
            _pairs.Add(key, stat);
            _partners[first].Add(second);
            _partners[second].Add(first);
        }

        var wasOpen = stat is { Asks: 0, Failed: false };
        if (status == ComparisonStatus.FailedPermanently)
        {
            stat.Failed = true;
        }
        else
        {
            stat.Asks++;
            stat.Successes += status == ComparisonStatus.Succeeded ? 1 : 0;
            stat.LastFirst = first;
            Counts[first]++;
            Counts[second]++;
            Skews[first]++;
            Skews[second]--;
        }

        if (wasOpen)
        {
            _unasked[first]--;
            _unasked[second]--;
        }

        return stat;
    }
}
