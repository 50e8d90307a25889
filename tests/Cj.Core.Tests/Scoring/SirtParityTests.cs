using System.Globalization;
using Cj.Core.Diagnostics;
using Cj.Core.Scoring;
using Cj.Core.Tests.Support;
using Xunit.Abstractions;

namespace Cj.Core.Tests.Scoring;

/// <summary>§12 A6: the sirt method reproduces sirt::btm's cached output on every Kinnear et al. (2025) session.</summary>
public sealed class SirtParityTests(ITestOutputHelper output)
{
    private const double Tolerance = 1e-6;

    private static readonly FitOptions Sirt = new() { Method = BtMethod.Sirt };

    [RequiresResearchDataFact]
    public void Sirt_matches_the_peer_fit_on_every_Kinnear_session()
    {
        var failures = new List<string>();
        foreach (var session in ResearchData.KinnearSessions())
        {
            var (essays, judgements) = ResearchData.Session(session);
            var fit = BradleyTerry.Fit(essays, judgements, Sirt);
            var peer = ResearchData.SirtEffects(session);
            Assert.Equal(peer.Count, fit.Count);
            double theta = 0, se = 0, infit = 0, outfit = 0;
            foreach (var (id, effect) in peer)
            {
                var i = fit.IndexOf(new EssayId(id));
                theta = Math.Max(theta, Math.Abs(fit.Abilities[i] - effect.Theta));
                se = Math.Max(se, Math.Abs(fit.StandardErrors[i] - effect.StandardError));
                infit = Math.Max(infit, Math.Abs(fit.Infit[i] - effect.Infit));
                outfit = Math.Max(outfit, Math.Abs(fit.Outfit[i] - effect.Outfit));
            }

            var reliability = Reliability.Of(fit.Abilities, fit.StandardErrors);
            var ssr = Math.Abs(reliability.Ssr!.Value - ResearchData.SirtSsr(session));
            var sepG = Math.Abs(reliability.SeparationIndex!.Value - ResearchData.SirtSeparation(session));
            var worst = new[] { theta, se, infit, outfit, ssr, sepG };
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{session,-24} iter {fit.Iterations,3} θ {theta:E1} SE {se:E1} infit {infit:E1} outfit {outfit:E1} SSR {ssr:E1} G {sepG:E1}"));
            if (worst.Any(d => !(d <= Tolerance)))
            {
                failures.Add(session);
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public void Sirt_reports_its_method_iterations_and_convergence()
    {
        var fit = Inline.Fit(Inline.V1(), new FitOptions { Method = BtMethod.Sirt });
        Assert.Equal(BtMethod.Sirt, fit.Method);
        Assert.True(fit.Converged);
        Assert.InRange(fit.Iterations, 2, 399);
        Assert.Equal(0, fit.Abilities.Sum(), 12);
        Assert.All(fit.StandardErrors, s => Assert.True(s > 0));
    }

    [Fact]
    public void Sirt_stops_unconverged_at_the_iteration_limit()
    {
        var fit = Inline.Fit(Inline.V1(), new FitOptions { Method = BtMethod.Sirt, SirtMaxIterations = 3 });
        Assert.Equal(3, fit.Iterations);
        Assert.False(fit.Converged);
    }

    [Fact]
    public void Sirt_flags_a_disconnected_graph_and_leaves_unjudged_essays_at_zero()
    {
        var essays = Inline.Essays("A", "B", "C", "D", "E");
        var judgements = Inline.Judgements(("A", "B"), ("B", "A"), ("A", "B"), ("C", "D"), ("D", "C"));
        var fit = BradleyTerry.Fit(essays, judgements, new FitOptions { Method = BtMethod.Sirt });
        Assert.True(fit.Flags.HasFlag(FitFlags.Disconnected));
        Assert.Equal(3, fit.ComponentCount);
        Assert.Equal(0, fit.AbilityOf(new EssayId("E")));
        Assert.True(double.IsNaN(fit.StandardErrorOf(new EssayId("E"))));
        Assert.Equal(0, fit.Abilities.Sum(), 12);
    }
}
