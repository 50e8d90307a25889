using System.Globalization;
using Cj.Core.Diagnostics;
using Cj.Core.Scoring;
using Cj.Core.Tests.Support;
using Xunit.Abstractions;

namespace Cj.Core.Tests.Reference;

/// <summary>§12 A8: the default MAP fit on Marshall et al. (2020)'s statistics decisions.</summary>
public sealed class MarshallTests(ITestOutputHelper output)
{
    [RequiresResearchDataFact]
    public void MAP_on_the_Marshall_statistics_decisions_has_SSR_0_904()
    {
        var fit = MarshallData.Fit();

        var ssr = Reliability.Of(fit).Ssr!.Value;

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{fit.Count} essays, SSR {ssr:F4}"));
        Assert.True(fit.Converged);
        Assert.Equal(0.904, ssr, 0.005);
    }

    [RequiresResearchDataFact]
    public void MAP_abilities_correlate_with_the_authors_True_Score_at_least_0_999()
    {
        var fit = MarshallData.Fit();
        var scored = MarshallData.Scripts();

        var r = Pearson([.. scored.Select(s => fit.AbilityOf(s.Id))], [.. scored.Select(s => s.TrueScore)]);

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{scored.Count} scripts, Pearson r {r:F5}"));
        Assert.Equal(99, scored.Count);
        Assert.True(r >= 0.999, $"Pearson r = {r}");
    }

    private static double Pearson(double[] x, double[] y)
    {
        double mx = x.Average(), my = y.Average();
        var sxy = x.Zip(y, (a, b) => (a - mx) * (b - my)).Sum();
        return sxy / Math.Sqrt(x.Sum(a => (a - mx) * (a - mx)) * y.Sum(b => (b - my) * (b - my)));
    }
}

/// <summary>One graded statistics script of Marshall et al. (2020): the school's NCEA grade ("" when missing) and True.Score.</summary>
internal sealed record MarshallScript(EssayId Id, string Grade, double TrueScore);

/// <summary>Readers for ../shared/research-data/cj-marshall2020-nz-ncea (ids are kept as strings).</summary>
internal static class MarshallData
{
    private static string PathOf(string name) => Path.Combine(ResearchData.Folder!, "cj-marshall2020-nz-ncea", name);

    /// <summary>The 1,911 statistics decisions (judge id kept, sequence = row number); no orientation is recorded.</summary>
    public static IReadOnlyList<Judgement> Judgements() =>
        [.. ResearchData.ReadCsv(PathOf("NZJES_mathsdecisions.csv")).Select((r, k) => new Judgement(
            new EssayId(r["Candidate.Chosen"]), new EssayId(r["Candidate.Not.Chosen"]), null, r["Judge"], k))];

    /// <summary>The default MAP fit (σ = 3) over every script that occurs in the decisions.</summary>
    public static BtFit Fit()
    {
        var judgements = Judgements();
        var essays = judgements.SelectMany(j => new[] { j.Winner, j.Loser }).Distinct().Select(id => new Essay(id));
        return BradleyTerry.Fit(essays, judgements);
    }

    /// <summary>The 99 rows of NZJES_GPA.csv. `NA` in green.bay.grade is Not Achieved, a grade; the reader keeps it as text.</summary>
    public static IReadOnlyList<MarshallScript> Scripts() =>
        [.. ResearchData.ReadCsv(PathOf("NZJES_GPA.csv")).Select(r => new MarshallScript(
            new EssayId(r["ID"]), r["green.bay.grade"], ResearchData.Number(r["True.Score"])))];
}
