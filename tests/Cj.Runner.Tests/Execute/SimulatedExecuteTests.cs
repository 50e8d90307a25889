using System.Globalization;
using System.Text;

namespace Cj.Runner.Tests.Execute;

public sealed class SimulatedExecuteTests
{
    [Fact]
    public void Execute_with_the_simulated_judge_recovers_the_given_abilities()
    {
        using var temp = new TempFolder();
        var file = AbilitiesFile(temp);
        var (exit, _, error, artefact, _) = ExecuteTests.Execute(
            Path.Combine(temp.Path, "out"), new() { ["SIMULATED_ABILITIES_FILE"] = file }, "--llm-provider", "simulated");
        Assert.True(exit == 0, error);
        Assert.Contains("Provider 'simulated': verdicts are SYNTHETIC", error, StringComparison.Ordinal);
        var rows = artefact.GetProperty("results").GetProperty("essays").EnumerateArray().ToArray();
        Assert.All(rows.Where(e => !e.GetProperty("is_anchor").GetBoolean()), ExecuteTests.AssertProjection);
        var essays = rows
            .ToDictionary(e => e.GetProperty("essay_id").GetString()!, e => e.GetProperty("ability").GetDouble());
        Assert.True(essays["ANCHOR_08_A"] > essays["ANCHOR_01_F"] + 2, $"A {essays["ANCHOR_08_A"]}, F+ {essays["ANCHOR_01_F"]}");
        Assert.True(essays["STUDENT_12"] > essays["STUDENT_01"] + 2, $"12 {essays["STUDENT_12"]}, 01 {essays["STUDENT_01"]}");
        Assert.All(artefact.GetProperty("results").GetProperty("comparisons").EnumerateArray(),
            c => Assert.Equal("simulated", c.GetProperty("provider").GetString()));

        // The abilities span about 8 logits (SD ≈ 2.6): the empirical-Bayes reliability sees a wide, well-measured scale.
        var reliability = artefact.GetProperty("results").GetProperty("reliability");
        Assert.InRange(reliability.GetProperty("eb_reliability").GetDouble(), 0.8, 1.0);
        Assert.InRange(reliability.GetProperty("ability_sd").GetDouble(), 1.2, 5.0);
    }

    [Fact]
    public void With_a_generous_budget_the_default_stop_ends_the_batch_once_its_honest_reliability_reaches_0_90()
    {
        using var temp = new TempFolder();
        var (exit, output, error, artefact, _) = ExecuteTests.Execute(
            Path.Combine(temp.Path, "out"),
            new() { ["SIMULATED_ABILITIES_FILE"] = AbilitiesFile(temp, scale: 2), ["CJ_ASSESSMENT_SERVICE_MAX_PAIRWISE_COMPARISONS"] = "380" },
            "--llm-provider", "simulated");
        Assert.True(exit == 0, error);
        Assert.Contains("Budget: 380 comparisons for 20 essays", output, StringComparison.Ordinal);
        var results = artefact.GetProperty("results");
        Assert.Equal("target_reliability", results.GetProperty("stop_reason").GetString());
        Assert.True(results.GetProperty("reliability").GetProperty("eb_reliability").GetDouble() >= 0.90);
        Assert.InRange(results.GetProperty("comparisons").GetArrayLength(), 40, 379);
    }

    /// <summary>Abilities for the demo essays, spread so that the simulated judge's order is clear: anchors in grade order.</summary>
    internal static string AbilitiesFile(TempFolder temp, double scale = 1)
    {
        string[] grades = ["F+", "E-", "E+", "D+", "C-", "C+", "B", "A"];
        var abilities = new StringBuilder("essay_id,ability\n");
        for (var k = 0; k < grades.Length; k++)
        {
            abilities.Append(CultureInfo.InvariantCulture, $"ANCHOR_{k + 1:D2}_{grades[k].TrimEnd('+', '-')},{(k - 3.5) * 1.2 * scale}\n");
        }

        for (var s = 1; s <= 12; s++)
        {
            abilities.Append(CultureInfo.InvariantCulture, $"STUDENT_{s:D2},{(s - 6.5) * 0.7 * scale}\n");
        }

        return temp.Write("abilities.csv", abilities.ToString());
    }
}
