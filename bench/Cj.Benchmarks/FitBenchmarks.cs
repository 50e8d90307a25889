using BenchmarkDotNet.Attributes;
using Cj.Core;
using Cj.Core.Scoring;

namespace Cj.Benchmarks;

/// <summary>
/// MAP fits of random comparison sets on one core (§12 B8). Targets: 1,000 × 20,000 point estimates ≤ 15 ms and with
/// full SEs ≤ 150 ms; 10,000 × 200,000 point estimates ≤ 100 ms.
/// </summary>
[MemoryDiagnoser]
public class FitBenchmarks
{
    private static readonly FitOptions PointEstimates = new() { ComputeStandardErrors = false };
    private Essay[] _essays = [];
    private Judgement[] _judgements = [];

    [Params("100x2000", "1000x20000", "10000x200000")]
    public string Size { get; set; } = "100x2000";

    [GlobalSetup]
    public void Setup()
    {
        var parts = Size.Split('x');
        (_essays, _judgements) = RandomComparisons.Create(int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Benchmark(Baseline = true)]
    public BtFit PointEstimate() => BradleyTerry.Fit(_essays, _judgements, PointEstimates);

    /// <summary>Dense sum-to-zero SEs up to the 3,000-essay limit; the diagonal approximation above it.</summary>
    [Benchmark]
    public BtFit WithStandardErrors() => BradleyTerry.Fit(_essays, _judgements);
}
