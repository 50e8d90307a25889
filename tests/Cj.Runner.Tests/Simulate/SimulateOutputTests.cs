using System.Text.Json;
using Cj.Runner.Simulate;

namespace Cj.Runner.Tests.Simulate;

public sealed class SimulateOutputTests
{
    private static readonly string[] Small = ["simulate", "--essays", "12", "--max-per-essay", "6", "--runs", "2"];

    private static readonly string[] ContractPaths =
    [
        "policy", "judge", "essays", "spread", "runs",
        "comparisons_per_essay_for_spearman_0_90.mean", "comparisons_per_essay_for_spearman_0_90.median",
        "comparisons_per_essay_for_true_reliability_0_90.mean", "comparisons_per_essay_for_true_reliability_0_90.median",
        "ssr_minus_true_reliability_at_stop.mean",
        "coverage_95.mean",
        "stop.comparisons_per_essay.mean", "stop.spearman.mean",
    ];

    private static readonly string[] GradePaths =
    [
        "grade_agreement.exact", "grade_agreement.adjacent",
        "comparisons_per_student_for_grade_certainty_0_90.mean", "comparisons_per_student_for_grade_certainty_0_90.median",
    ];

    [Fact]
    public void The_json_has_every_field_of_the_contract_and_no_grade_fields_without_anchors()
    {
        var (exit, output, error) = Cli.Run(Small);
        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(JsonValueKind.Object, root.ValueKind);
        Assert.All(ContractPaths, path => Assert.True(Has(root, path), $"missing {path}"));
        Assert.All(GradePaths, path => Assert.False(Has(root, path), $"unexpected {path}"));
        Assert.Equal("adaptive", root.GetProperty("policy").GetString());
        Assert.Equal("perfect", root.GetProperty("judge").GetString());
        Assert.Equal(12, root.GetProperty("essays").GetInt32());
        Assert.Equal(1.5, root.GetProperty("spread").GetDouble());
        Assert.Equal(2, root.GetProperty("runs").GetInt32());
        Assert.Equal(6.0, root.GetProperty("stop").GetProperty("comparisons_per_essay").GetProperty("mean").GetDouble());
    }

    [Fact]
    public void With_anchors_the_grade_fields_appear()
    {
        var (exit, output, error) = Cli.Run([.. Small, "--anchors", "6", "--grades", "3"]);
        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        Assert.All([.. ContractPaths, .. GradePaths], path => Assert.True(Has(json.RootElement, path), $"missing {path}"));
        Assert.InRange(json.RootElement.GetProperty("grade_agreement").GetProperty("adjacent").GetDouble(), 0, 1);
    }

    [Fact]
    public void Several_policies_give_an_array_in_the_order_asked_whether_repeated_or_comma_separated()
    {
        var repeated = Cli.Run([.. Small, "--policy", "original", "--policy", "random"]);
        var listed = Cli.Run([.. Small, "--policy", "original,random"]);
        Assert.True(repeated.Exit == 0, repeated.Err);
        Assert.Equal(repeated.Out, listed.Out);
        using var json = JsonDocument.Parse(repeated.Out);
        Assert.Equal(["original", "random"], json.RootElement.EnumerateArray().Select(p => p.GetProperty("policy").GetString()));
    }

    [Fact]
    public void A_threshold_no_run_reaches_reports_zero_runs_and_no_mean()
    {
        var (exit, output, error) = Cli.Run([.. Small, "--judge", "coin"]);
        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        var spearman = json.RootElement.GetProperty("comparisons_per_essay_for_spearman_0_90");
        Assert.Equal(0, spearman.GetProperty("reached").GetInt32());
        Assert.Equal(JsonValueKind.Null, spearman.GetProperty("mean").ValueKind);
        Assert.Equal(JsonValueKind.Null, spearman.GetProperty("median").ValueKind);
    }

    [Fact]
    public void The_same_seed_gives_the_same_output_and_another_seed_another()
    {
        var first = Cli.Run([.. Small, "--seed", "7"]);
        var second = Cli.Run([.. Small, "--seed", "7"]);
        var other = Cli.Run([.. Small, "--seed", "8"]);
        Assert.Equal(first.Out, second.Out);
        Assert.NotEqual(first.Out, other.Out);
    }

    [Fact]
    public void The_output_does_not_depend_on_the_thread_count()
    {
        string Render(int? threads)
        {
            using var output = new StringWriter();
            var scenarios = new Core.Simulation.Scenario { Students = 10, MaxComparisonsPerEssay = 6, Runs = 5, Seed = 3 };
            var settings = new SimulateSettings([scenarios, scenarios with { Policy = Core.Pairing.PairMatchingStrategy.Random }], Table: false);
            Assert.Equal(0, SimulateCommand.Execute(output, TextWriter.Null, () => settings, threads));
            return output.ToString();
        }

        var one = Render(1);
        Assert.Equal(one, Render(2));
        Assert.Equal(one, Render(null));
    }

    private static bool Has(JsonElement element, string path)
    {
        foreach (var name in path.Split('.'))
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return false;
            }
        }

        return true;
    }
}
