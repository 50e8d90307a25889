using System.Globalization;
using System.Text.Json;
using Cj.Core.Scoring;
using Cj.Core.Tests.Support;
using Xunit.Abstractions;

namespace Cj.Core.Tests.Reference;

/// <summary>§12 A5: Bradley–Terry fits against the small published fixtures in bt-reference-fixtures.</summary>
public sealed class BtReferenceFixtureTests(ITestOutputHelper output)
{
    private static readonly FitOptions MaximumLikelihood = new()
    {
        PriorSd = null,
        PositionEffect = PositionEffectMode.Off,
        KeepCovariance = true,
    };

    private static string Fixture(string file) => Path.Combine(ResearchData.Folder!, "bt-reference-fixtures", file);

    [RequiresResearchDataFact]
    public void Citations_ML_fit_matches_Stigler_log_abilities_and_difference_SEs_against_Biometrika()
    {
        var judgements = new List<Judgement>();
        foreach (var row in ResearchData.ReadCsv(Fixture("citations_stigler1994_pairs.csv")))
        {
            // win1 = citations of journal1 by journal2: journal1 "beats" journal2 that many times, and vice versa.
            Add(row["journal1"], row["journal2"], int.Parse(row["win1"], CultureInfo.InvariantCulture));
            Add(row["journal2"], row["journal1"], int.Parse(row["win2"], CultureInfo.InvariantCulture));
        }

        var essays = judgements.Select(j => j.Winner.Value).Distinct().Select(Essay.Student);
        var fit = BradleyTerry.Fit(essays, judgements, MaximumLikelihood);

        Assert.True(fit.Converged);
        Assert.NotNull(fit.Covariance);
        var reference = fit.IndexOf(new EssayId("Biometrika"));
        foreach (var (journal, theta, se) in new[] { ("Comm Statist", -2.9491, 0.1025), ("JASA", -0.4796, 0.0606), ("JRSS-B", 0.2690, 0.0708) })
        {
            var i = fit.IndexOf(new EssayId(journal));
            var c = fit.Covariance;
            var differenceSe = Math.Sqrt(c[(i * fit.Count) + i] + c[(reference * fit.Count) + reference] - (2 * c[(i * fit.Count) + reference]));
            var difference = fit.Abilities[i] - fit.Abilities[reference];
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{journal}: θ − θ_Biometrika {difference:F6}, SE {differenceSe:F6}"));
            Assert.Equal(theta, difference, 5e-5);
            Assert.Equal(se, differenceSe, 5e-5);
        }

        void Add(string winner, string loser, int times)
        {
            for (var k = 0; k < times; k++)
            {
                judgements.Add(new Judgement(new EssayId(winner), new EssayId(loser), null, null, judgements.Count));
            }
        }
    }

    /// <remarks>
    /// choix minimises NLL + α·Σθ² with α = 0.5; our log posterior has −Σθ²/(2σ²), so σ² = 1/(2α) = 1 gives the same
    /// objective. A symmetric Gaussian prior makes the MAP sum to zero (the likelihood gradient sums to zero over items),
    /// and choix's expected θ indeed sums to ~0 (checked below), so the values are compared directly, without centring.
    /// </remarks>
    [RequiresResearchDataFact]
    public void Choix_penalised_8_item_case_matches_at_prior_SD_1()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Fixture("expected_fits.json")));
        var penalised = json.RootElement.GetProperty("choix_8random_penalized");
        Assert.Equal(0.5, penalised.GetProperty("alpha").GetDouble());
        var expected = penalised.GetProperty("expected_theta").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(0, expected.Sum(), 1e-7);

        var fit = FitChoix(penalised.GetProperty("n_items").GetInt32(), penalised.GetProperty("data_winner_loser"), 1.0);

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"max |θ − choix| {expected.Select((e, k) => Math.Abs(e - fit.AbilityOf(Item(k)))).Max():E2}"));
        Assert.True(fit.Converged);
        for (var k = 0; k < expected.Length; k++)
        {
            Assert.Equal(expected[k], fit.AbilityOf(Item(k)), 1e-6);
        }
    }

    [RequiresResearchDataFact]
    public void Choix_ML_three_cycle_gives_equal_abilities() => AssertChoixMl("choix_testcase-pairwise-1.json");

    [RequiresResearchDataFact]
    public void Choix_ML_three_cycle_with_an_extra_win_matches_its_mean_zero_estimate() =>
        AssertChoixMl("choix_testcase-pairwise-2.json");

    private static void AssertChoixMl(string file)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Fixture(file)));
        var root = json.RootElement;
        var expected = root.GetProperty("ml_est").EnumerateArray().Select(e => e.GetDouble()).ToArray();

        var fit = FitChoix(root.GetProperty("n_items").GetInt32(), root.GetProperty("data"), null);

        Assert.True(fit.Converged);
        for (var k = 0; k < expected.Length; k++)
        {
            Assert.Equal(expected[k], fit.AbilityOf(Item(k)), 1e-6);
        }
    }

    private static EssayId Item(int k) => new($"item{k}");

    private static BtFit FitChoix(int items, JsonElement winnerLoser, double? priorSd)
    {
        var judgements = winnerLoser.EnumerateArray()
            .Select((pair, k) => new Judgement(Item(pair[0].GetInt32()), Item(pair[1].GetInt32()), null, null, k))
            .ToArray();
        var essays = Enumerable.Range(0, items).Select(k => new Essay(Item(k)));
        return BradleyTerry.Fit(essays, judgements, MaximumLikelihood with { PriorSd = priorSd, KeepCovariance = false });
    }
}
