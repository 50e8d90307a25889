using Cj.Core.Scoring;

namespace Cj.Core.Tests.Scoring;

/// <summary>§12 A1–A3: the ILSR method reproduces the original system's abilities; SEs are our likelihood ones.</summary>
public sealed class IlsrParityTests
{
    private const double Tolerance = 1e-6;

    private static readonly FitOptions Ilsr = new() { Method = BtMethod.Ilsr };

    [Fact]
    public void Ilsr_gives_the_original_asymmetric_spread_on_a_perfect_round_robin()
    {
        var fit = Inline.Fit(Inline.R1(), Ilsr);
        double[] expected = [5.360, 4.645, 3.846, 2.993, 2.089, 1.125, 0.089, -1.040, -2.292, -3.718, -5.421, -7.678];
        AssertClose(expected, fit.Abilities, 5e-4);
        Assert.True(fit.Converged);
        Assert.Equal(BtMethod.Ilsr, fit.Method);
    }

    [Fact]
    public void Ilsr_matches_the_V1_golden_with_positive_standard_errors()
    {
        var fit = Inline.Fit(Inline.V1(), Ilsr);
        AssertClose([0.946111, 0.946111, 0.013394, -0.952808, -0.952808], fit.Abilities, Tolerance);
        AssertClose([0.984289, 0.984289, 0.891874, 0.986315, 0.986315], fit.StandardErrors, Tolerance);
    }

    [Fact]
    public void Ilsr_matches_the_V3_and_V4_goldens()
    {
        var v3 = Inline.Fit(Inline.V3(), Ilsr);
        AssertClose([3.096052, 0.221449, -3.317501], v3.Abilities, Tolerance);
        AssertClose([3.446642, 2.490383, 4.119831], v3.StandardErrors, Tolerance);
        var v4 = Inline.Fit(Inline.V4(), Ilsr);
        AssertClose([-1.965913, 1.965913], v4.Abilities, Tolerance);
        AssertClose([3.640728, 3.640728], v4.StandardErrors, Tolerance);
    }

    [Fact]
    public void Ilsr_refuses_more_than_2000_essays()
    {
        var essays = Enumerable.Range(0, 2001).Select(i => Essay.Student($"E{i:D4}")).ToArray();
        var error = Assert.Throws<ArgumentException>(() => BradleyTerry.Fit(essays, [], Ilsr));
        Assert.Contains("2,000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ilsr_keeps_its_covariance_consistent_with_its_standard_errors()
    {
        var fit = Inline.Fit(Inline.V1(), Ilsr with { KeepCovariance = true });
        var covariance = fit.Covariance!;
        for (var i = 0; i < fit.Count; i++)
        {
            Assert.Equal(fit.StandardErrors[i] * fit.StandardErrors[i], covariance[(i * fit.Count) + i], 12);
            Assert.Equal(0, Enumerable.Range(0, fit.Count).Sum(j => covariance[(i * fit.Count) + j]), 12);
        }
    }

    [Fact]
    public void Ilsr_flags_a_disconnected_graph_but_still_fits_it()
    {
        var essays = Inline.Essays("A", "B", "C", "D");
        var fit = BradleyTerry.Fit(essays, Inline.Judgements(("A", "B"), ("B", "A"), ("C", "D")), Ilsr);
        Assert.True(fit.Flags.HasFlag(FitFlags.Disconnected));
        Assert.True(fit.Converged);
        Assert.All(fit.Abilities, t => Assert.True(double.IsFinite(t)));
        Assert.All(fit.StandardErrors, s => Assert.True(s > 100, "unlinked components have unidentified offsets"));
    }

    private static void AssertClose(double[] expected, IReadOnlyList<double> actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"[{i}] expected {expected[i]}, got {actual[i]}");
        }
    }
}
