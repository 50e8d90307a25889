using System.Collections.Immutable;
using Cj.Core.Grading;
using Cj.Core.Pairing;
using Cj.Core.Scoring;

namespace Cj.Core.Tests.Pairing;

/// <summary>
/// Drives <see cref="PairPlanner.PlanWave"/> wave after wave: every planned comparison succeeds (unless
/// <see cref="Fails"/> says otherwise) with a seeded perfect judge on true abilities, and the batch is refitted
/// (point estimates with diagonal SEs, which is all the planner needs and keeps the tests fast).
/// </summary>
internal sealed class PairingSimulation
{
    private static readonly FitOptions FastFit = FitOptions.Default with { ComputeStandardErrors = false };

    private readonly ulong _seed;
    private readonly CjRandom _judge;
    private readonly List<PairRecord> _comparisons = [];
    private readonly List<Judgement> _judgements = [];

    public PairingSimulation(ImmutableArray<Essay> essays, IReadOnlyDictionary<EssayId, double> truth, ulong seed)
    {
        Essays = essays;
        Truth = truth;
        _seed = seed;
        _judge = new CjRandom(seed ^ 0x5EED5EED5EEDUL);
    }

    public ImmutableArray<Essay> Essays { get; }

    public IReadOnlyDictionary<EssayId, double> Truth { get; }

    public IReadOnlyList<PairRecord> Comparisons => _comparisons;

    public IReadOnlyList<Judgement> Judgements => _judgements;

    public BtFit? Fit { get; private set; }

    public GradeCalibration? Calibration { get; set; }

    public int Wave { get; private set; }

    /// <summary>False keeps the planner on θ = 0, SE = σ throughout (no refits), for tests about bookkeeping only.</summary>
    public bool Refit { get; init; } = true;

    /// <summary>Decides whether a planned comparison fails permanently instead of succeeding.</summary>
    public Func<PlannedPair, bool> Fails { get; init; } = _ => false;

    /// <summary>Students s000… with abilities N(0, sd²), in ordinal id order.</summary>
    public static PairingSimulation Students(int count, ulong seed, double sd = 1.5, bool refit = true)
    {
        var random = new CjRandom((seed * 31) + 7);
        var essays = Enumerable.Range(0, count).Select(i => Essay.Student($"s{i:D3}")).ToImmutableArray();
        return new PairingSimulation(essays, essays.ToDictionary(e => e.Id, _ => sd * random.NextNormal()), seed)
        {
            Refit = refit,
        };
    }

    public PlanningState State(int waveSize, int budget) =>
        new(Essays, [.. _comparisons], Fit, Calibration, Wave + 1, waveSize, budget);

    /// <summary>Plans the next wave with the wave's own generator, then settles and refits it.</summary>
    public WavePlan Step(PairingOptions options, int waveSize, int budget = int.MaxValue)
    {
        var plan = PairPlanner.PlanWave(State(waveSize, budget), options, CjRandom.ForWave(_seed, Wave + 1));
        Settle(plan);
        return plan;
    }

    public void Settle(WavePlan plan)
    {
        Wave++;
        foreach (var pair in plan.Pairs)
        {
            if (Fails(pair))
            {
                _comparisons.Add(new PairRecord(pair.First, pair.Second, ComparisonStatus.FailedPermanently));
                continue;
            }

            _comparisons.Add(new PairRecord(pair.First, pair.Second, ComparisonStatus.Succeeded));
            var firstWins = _judge.NextDouble() < Logistic.Sigma(Truth[pair.First] - Truth[pair.Second]);
            var (winner, loser) = firstWins ? (pair.First, pair.Second) : (pair.Second, pair.First);
            _judgements.Add(new Judgement(winner, loser, pair.First, null, _judgements.Count));
        }

        Fit = Refit ? BradleyTerry.Fit(Essays, _judgements, FastFit) : null;
    }

    /// <summary>Successful comparisons per essay.</summary>
    public Dictionary<EssayId, int> Counts() =>
        Essays.ToDictionary(
            e => e.Id,
            e => _comparisons.Count(c => c.Status == ComparisonStatus.Succeeded && (c.First == e.Id || c.Second == e.Id)));

    /// <summary>Shown first minus shown second per essay over successful comparisons.</summary>
    public Dictionary<EssayId, int> Skews()
    {
        var skew = Essays.ToDictionary(e => e.Id, _ => 0);
        foreach (var c in _comparisons.Where(c => c.Status == ComparisonStatus.Succeeded))
        {
            skew[c.First]++;
            skew[c.Second]--;
        }

        return skew;
    }

    public static (EssayId, EssayId) Unordered(EssayId a, EssayId b) => a < b ? (a, b) : (b, a);
}
