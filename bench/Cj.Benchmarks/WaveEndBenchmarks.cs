using BenchmarkDotNet.Attributes;
using Cj.Core;
using Cj.Core.Pairing;
using Cj.Core.Scoring;

namespace Cj.Benchmarks;

/// <summary>
/// The two halves of a wave end for the throughput benchmark's batch (200 essays, half-way to its cap of 2,000): the
/// refit with standard errors and the planning of the next wave of 100. The wave end runs while no comparison is in
/// flight, so its time adds to every wave of a run.
/// </summary>
[MemoryDiagnoser]
public class WaveEndBenchmarks
{
    private Essay[] _essays = [];
    private Judgement[] _judgements = [];
    private PlanningState _planning = null!;

    [GlobalSetup]
    public void Setup()
    {
        (_essays, _judgements) = RandomComparisons.Create(200, 1000);
        var fit = BradleyTerry.Fit(_essays, _judgements);
        _planning = new PlanningState(
            [.. _essays], [.. _judgements.Select(j => new PairRecord(j.ShownFirst!.Value, j.ShownFirst == j.Winner ? j.Loser : j.Winner, ComparisonStatus.Succeeded))],
            fit, null, 11, 100, 1000);
    }

    [Benchmark]
    public BtFit Refit() => BradleyTerry.Fit(_essays, _judgements);

    [Benchmark]
    public WavePlan PlanWave() => PairPlanner.PlanWave(_planning, PairingOptions.Default, CjRandom.ForWave(1, 11));
}
