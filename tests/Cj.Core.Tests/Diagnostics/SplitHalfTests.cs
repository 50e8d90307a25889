using System.Globalization;
using Cj.Core.Diagnostics;
using Cj.Core.Scoring;
using Cj.Core.Tests.Scoring;
using Cj.Core.Tests.Support;
using Xunit.Abstractions;

namespace Cj.Core.Tests.Diagnostics;

/// <summary>§12 A7 and the split-half rules of §5.</summary>
public sealed class SplitHalfTests(ITestOutputHelper output)
{
    private const ulong Seed = 123;

    private static readonly FitOptions Sirt = new() { Method = BtMethod.Sirt };

    [RequiresResearchDataFact]
    public void SplitHalf_by_judge_matches_the_meta_analysis_median_on_every_Kinnear_session()
    {
        var failures = new List<string>();
        foreach (var session in ResearchData.KinnearSessions())
        {
            var (essays, judgements) = ResearchData.Session(session);
            var result = SplitHalf.Compute(essays, judgements, Sirt, 100, Seed);
            var peer = ResearchData.MedianSplitCorrelation(session);
            var tolerance = essays.Count >= 4 ? 0.025 : 0.06;
            var difference = result.MedianCorrelation - peer;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{session,-24} {result.Mode,-9} r {result.MedianCorrelation:F4} peer {peer:F4} diff {difference,7:F4} SB {result.SpearmanBrown:F4}"));
            Assert.Equal("judge", result.Mode);
            Assert.Equal(100, result.Splits);
            if (!(Math.Abs(difference) <= tolerance))
            {
                failures.Add(session);
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public void SplitHalf_halves_judgements_when_there_are_fewer_than_four_judges()
    {
        var (essays, judgements) = Inline.R1();
        var result = SplitHalf.Compute(essays, judgements, Sirt, 20, Seed);
        Assert.Equal("judgement", result.Mode);
        Assert.Equal(20, result.Splits);
        Assert.InRange(result.MedianCorrelation, 0.5, 1.0);
        Assert.Equal(2 * result.MedianCorrelation / (1 + result.MedianCorrelation), result.SpearmanBrown, 12);
    }

    [Fact]
    public void SplitHalf_is_reproducible_for_a_seed_and_works_with_every_method()
    {
        var (essays, judgements) = Inline.R1();
        var judged = judgements.Select((j, k) => j with { JudgeId = $"J{k % 6}" }).ToArray();
        foreach (var method in new[] { BtMethod.Map, BtMethod.Sirt, BtMethod.Ilsr })
        {
            var options = new FitOptions { Method = method };
            var first = SplitHalf.Compute(essays, judged, options, 10, Seed);
            var again = SplitHalf.Compute(essays, judged, options, 10, Seed);
            Assert.Equal("judge", first.Mode);
            Assert.Equal(first, again);
            Assert.True(first.MedianCorrelation > 0.5, $"{method}: r = {first.MedianCorrelation}");
        }
    }
}
