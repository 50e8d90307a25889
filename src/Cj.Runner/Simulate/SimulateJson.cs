using System.Text.Json;
using Cj.Core.Pairing;
using Cj.Core.Simulation;

namespace Cj.Runner.Simulate;

/// <summary>Maps summaries to the contract's JSON: one object for one policy, an array for several. Figures are rounded to 4 decimals.</summary>
internal static class SimulateJson
{
    public static string Render(IReadOnlyList<SimulationSummary> summaries)
    {
        var outputs = summaries.Select(Output).ToArray();
        return (outputs.Length == 1
            ? JsonSerializer.Serialize(outputs[0], JsonDefaults.Options)
            : JsonSerializer.Serialize(outputs, JsonDefaults.Options)) + "\n";
    }

    public static string PolicyName(PairMatchingStrategy policy) => policy.ToString().ToLowerInvariant();

    public static SimulateOutput Output(SimulationSummary s)
    {
        var scenario = s.Scenario;
        var stop = s.AtStop;
        var cap = s.AtCap;
        return new SimulateOutput(
            PolicyName(scenario.Policy),
            scenario.Judge.Name,
            scenario.Students,
            scenario.Anchors,
            scenario.Anchors > 0 ? scenario.Grades : null,
            scenario.Spread,
            scenario.MaxComparisonsPerEssay,
            scenario.Runs,
            scenario.Seed,
            Threshold(s.ComparisonsPerEssayForSpearman),
            Threshold(s.ComparisonsPerEssayForTrueReliability),
            new DifferenceOutput(R(stop.SsrMinusTrueReliability), R(stop.AbsoluteSsrMinusTrueReliability)),
            new MeanOutput(R(stop.Coverage)),
            new StopOutput(new MeanOutput(R(stop.ComparisonsPerEssay)), new MeanOutput(R(stop.Spearman)), new MeanOutput(R(stop.TrueReliability)), Ssr(stop.Ssr), s.StopReasons,
                Ssr(stop.EbReliability), new DifferenceOutput(R(stop.EbMinusTrueReliability), R(stop.AbsoluteEbMinusTrueReliability))),
            Grades(stop.Grades),
            s.ComparisonsPerStudentForGradeCertainty is { } certainty ? Threshold(certainty) : null,
            new AtCapOutput(
                new MeanOutput(R(cap.ComparisonsPerEssay)),
                new MeanOutput(R(cap.Spearman)),
                new MeanOutput(R(cap.TrueReliability)),
                Ssr(cap.Ssr),
                new DifferenceOutput(R(cap.SsrMinusTrueReliability), R(cap.AbsoluteSsrMinusTrueReliability)),
                new MeanOutput(R(cap.Coverage)),
                new EtaOutput(R(cap.Eta), R(cap.EtaCoverage)),
                Grades(cap.Grades),
                Ssr(cap.EbReliability),
                new DifferenceOutput(R(cap.EbMinusTrueReliability), R(cap.AbsoluteEbMinusTrueReliability))),
            [.. s.Checkpoints.Select(c => new CheckpointOutput(
                c.ComparisonsPerEssay,
                c.Statistics.Runs,
                R(c.Statistics.Spearman),
                R(c.Statistics.TrueReliability),
                R(c.Statistics.Ssr.Mean),
                R(c.Statistics.SsrMinusTrueReliability),
                R(c.Statistics.Coverage),
                R(c.Statistics.Grades?.Exact),
                R(c.Statistics.Grades?.Adjacent)))]);
    }

    private static ThresholdOutput Threshold(ThresholdSummary t) => new(R(t.Mean), R(t.Median), t.Reached);

    private static SsrOutput Ssr(SsrDistribution d) => new(R(d.Mean), R(d.P99), R(d.ShareAtMost010));

    private static GradeOutput? Grades(GradeStatistics? g) =>
        g is null ? null : new GradeOutput(R(g.Exact), R(g.Adjacent), R(g.BoundaryRmse), R(g.ExpectedCalibrationError), R(g.ShareCertain));

    private static double R(double value) => Math.Round(value, 4, MidpointRounding.AwayFromZero) + 0.0; // + 0.0 turns −0 into 0

    private static double? R(double? value) => value is { } v ? R(v) : null;
}
