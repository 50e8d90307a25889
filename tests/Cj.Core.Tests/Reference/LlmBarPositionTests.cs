using System.Text.Json;
using Cj.Core.Diagnostics;
using Cj.Core.Tests.Support;

namespace Cj.Core.Tests.Reference;

/// <summary>§12 A9: position diagnostics on GPT-4's LLMBar-Natural verdicts, each pair judged in both orders.</summary>
public sealed class LlmBarPositionTests
{
    /// <remarks>
    /// Each item's two outputs become essays "k-1" and "k-2". With "swap = False" output_1 was shown first (as
    /// "Output (a)"); with "swap = True" output_2 was shown first. In both, "winner" names the output in the
    /// original numbering ("1" = output_1), not the presentation slot, so it maps straight to an essay.
    /// </remarks>
    private static List<Judgement> Verdicts()
    {
        var path = Path.Combine(ResearchData.Folder!, "llmbar-natural", "GPT-4_Vanilla_result.json");
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var judgements = new List<Judgement>();
        var item = 0;
        foreach (var entry in json.RootElement.EnumerateArray())
        {
            foreach (var result in entry.GetProperty("results").EnumerateArray())
            {
                Add(item, result.GetProperty("swap = False"), shownFirst: "1");
                Add(item, result.GetProperty("swap = True"), shownFirst: "2");
            }

            item++;
        }

        return judgements;

        void Add(int k, JsonElement verdict, string shownFirst)
        {
            var winner = verdict.GetProperty("winner").GetString()!;
            Assert.Contains(winner, (string[])["1", "2"]);
            var loser = winner == "1" ? "2" : "1";
            judgements.Add(new Judgement(
                new EssayId($"{k}-{winner}"), new EssayId($"{k}-{loser}"), new EssayId($"{k}-{shownFirst}"), "GPT-4", judgements.Count));
        }
    }

    [RequiresResearchDataFact]
    public void Swap_consistency_is_95_of_100_pairs_as_in_the_statistics_file()
    {
        var bias = PositionBias.Of(Verdicts());

        Assert.Equal(100, bias.PairsJudgedInBothOrders);
        Assert.Equal(95, bias.ConsistentPairs);
        Assert.Equal(0.95, bias.SwapConsistency!.Value, 1e-12);
    }

    [RequiresResearchDataFact]
    public void First_position_win_rate_is_101_of_200()
    {
        var bias = PositionBias.Of(Verdicts());

        Assert.Equal(200, bias.JudgementsWithPosition);
        Assert.Equal(101, bias.FirstShownWins);
        Assert.Equal(0.505, bias.FirstPositionWinRate!.Value, 1e-12);
    }
}
