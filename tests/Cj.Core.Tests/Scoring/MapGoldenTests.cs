using Cj.Core.Scoring;

namespace Cj.Core.Tests.Scoring;

public sealed class MapGoldenTests
{
    private const double Tolerance = 1e-6;

    [Fact]
    public void V1_matches_the_sigma_3_golden()
    {
        var fit = Inline.Fit(Inline.V1());
        AssertClose([0.866637, 0.866637, 0, -0.866637, -0.866637], fit.Abilities);
        AssertClose([0.899906, 0.899906, 0.832994, 0.899906, 0.899906], fit.StandardErrors);
    }

    [Fact]
    public void V3_matches_the_sigma_3_golden()
    {
        var fit = Inline.Fit(Inline.V3());
        AssertClose([1.693021, 0, -1.693021], fit.Abilities);
        AssertClose([1.402100, 1.149175, 1.402100], fit.StandardErrors);
    }

    [Fact]
    public void One_judgement_between_two_essays_gives_plus_minus_1_025522()
    {
        var fit = Inline.Fit(Inline.V4());
        AssertClose([-1.025522, 1.025522], fit.Abilities);
        AssertClose([1.263825, 1.263825], fit.StandardErrors);
    }

    [Fact]
    public void Perfect_round_robin_matches_the_sigma_3_golden()
    {
        var fit = Inline.Fit(Inline.R1());
        double[] top = [4.494446, 3.410024, 2.540099, 1.766260, 1.042899, 0.345017];
        double[] topSe = [1.366842, 1.121023, 1.001444, 0.932909, 0.893751, 0.875701];
        AssertClose([.. top, .. top.Reverse().Select(t => -t)], fit.Abilities);
        AssertClose([.. topSe, .. topSe.Reverse()], fit.StandardErrors);
        Assert.True(fit.Converged);
        Assert.True(fit.Flags.HasFlag(FitFlags.Separated));
    }

    [Fact]
    public void Abilities_sum_to_zero_and_every_standard_error_is_positive()
    {
        foreach (var data in new[] { Inline.V1(), Inline.V3(), Inline.V4(), Inline.R1() })
        {
            var fit = Inline.Fit(data);
            Assert.True(Math.Abs(fit.Abilities.Sum()) < 1e-9);
            Assert.All(fit.StandardErrors, se => Assert.True(se > 0 && double.IsFinite(se)));
        }
    }

    internal static void AssertClose(IReadOnlyList<double> expected, IReadOnlyList<double> actual, double tolerance = Tolerance)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"[{i}] expected {expected[i]:R}, got {actual[i]:R}");
        }
    }
}
