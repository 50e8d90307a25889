using Cj.Core.Scoring;

namespace Cj.Core.Tests.Scoring;

public sealed class MapEdgeCaseTests
{
    [Fact]
    public void No_essays_give_an_empty_fit()
    {
        var fit = BradleyTerry.Fit([], []);
        Assert.Equal(0, fit.Count);
        Assert.Equal(FitFlags.None, fit.Flags);
    }

    [Fact]
    public void One_essay_has_ability_zero_and_standard_error_zero_and_is_flagged()
    {
        var fit = BradleyTerry.Fit([Essay.Student("only")], []);
        Assert.Equal(0, fit.Abilities[0]);
        Assert.Equal(0, fit.StandardErrors[0]);
        Assert.True(fit.Flags.HasFlag(FitFlags.SingleItem));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(24)]
    public void Without_judgements_every_essay_keeps_the_prior(int n)
    {
        var fit = BradleyTerry.Fit(Enumerable.Range(0, n).Select(i => Essay.Student($"E{i:D2}")), []);
        Assert.True(fit.Flags.HasFlag(FitFlags.NoJudgements));
        Assert.All(fit.Abilities, a => Assert.Equal(0, a));
        Assert.All(fit.StandardErrors, se => Assert.Equal(3.0 * Math.Sqrt(1 - (1.0 / n)), se, 1e-9));
        if (n == 24)
        {
            Assert.Equal(2.936835, fit.StandardErrors[0], 1e-6);
        }
    }

    [Fact]
    public void A_disconnected_graph_is_reported_as_components_and_never_bridged()
    {
        var essays = Inline.Essays("A", "B", "C", "D", "E");
        var judgements = Inline.Judgements(("A", "B"), ("B", "C"), ("A", "C"), ("D", "E"));
        var fit = BradleyTerry.Fit(essays, judgements);
        Assert.True(fit.Flags.HasFlag(FitFlags.Disconnected));
        Assert.Equal(2, fit.ComponentCount);
        Assert.Equal([0, 0, 0, 1, 1], fit.ComponentOf.ToArray());

        // Each component is centred by the prior: D and E sit symmetrically like an isolated V4.
        Assert.Equal(-fit.AbilityOf(new("D")), fit.AbilityOf(new("E")), 1e-9);
        Assert.Equal(1.025522, fit.AbilityOf(new("D")), 1e-6);
        Assert.All(fit.StandardErrors, se => Assert.True(se > 0));
    }

    [Fact]
    public void An_essay_that_wins_everything_gets_a_finite_estimate_and_is_flagged_separated()
    {
        var fit = Inline.Fit(Inline.V3());
        Assert.True(fit.Flags.HasFlag(FitFlags.Separated));
        Assert.Equal(["A", "C"], fit.SeparatedEssays.Select(e => e.Value));
        Assert.All(fit.Abilities, a => Assert.True(double.IsFinite(a)));
    }

    [Fact]
    public void Plain_maximum_likelihood_checks_Fords_condition_before_iterating()
    {
        var fit = Inline.Fit(Inline.V3(), new FitOptions { PriorSd = null });
        Assert.True(fit.Flags.HasFlag(FitFlags.MlDoesNotExist));
        Assert.Equal(0, fit.Iterations);
    }

    [Fact]
    public void Every_repeated_judgement_counts()
    {
        var once = BradleyTerry.Fit(Inline.Essays("A", "B", "C"), Inline.Judgements(("A", "B"), ("B", "A"), ("B", "C"), ("C", "A")));
        var twice = BradleyTerry.Fit(Inline.Essays("A", "B", "C"), Inline.Judgements(("A", "B"), ("B", "A"), ("B", "C"), ("B", "C"), ("C", "A")));
        Assert.True(twice.AbilityOf(new("B")) - twice.AbilityOf(new("C")) > once.AbilityOf(new("B")) - once.AbilityOf(new("C")));
    }

    [Fact]
    public void An_unknown_essay_id_is_a_programmer_error()
    {
        Assert.Throws<ArgumentException>(() => BradleyTerry.Fit(Inline.Essays("A", "B"), Inline.Judgements(("A", "Z"))));
    }

    [Fact]
    public void Diagonal_standard_errors_are_used_above_the_dense_limit_and_flagged()
    {
        var (essays, judgements) = Inline.R1();
        var exact = BradleyTerry.Fit(essays, judgements);
        var diagonal = BradleyTerry.Fit(essays, judgements, new FitOptions { DenseCovarianceLimit = 5 });
        Assert.True(diagonal.Flags.HasFlag(FitFlags.DiagonalSe));
        Assert.Equal(exact.Abilities.ToArray(), diagonal.Abilities.ToArray());
        Assert.All(diagonal.StandardErrors.Zip(exact.StandardErrors), p => Assert.True(Math.Abs(p.First - p.Second) < 0.25 * p.Second));
    }

    [Fact]
    public void The_full_covariance_agrees_with_the_standard_errors_and_rows_sum_to_zero()
    {
        var fit = Inline.Fit(Inline.V1(), new FitOptions { KeepCovariance = true });
        var c = fit.Covariance!;
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(fit.StandardErrors[i] * fit.StandardErrors[i], c[(i * 5) + i], 1e-12);
            Assert.True(Math.Abs(Enumerable.Range(0, 5).Sum(j => c[(i * 5) + j])) < 1e-9);
        }
    }
}
