using System.Text.Json;

namespace Cj.Runner.Tests.Analyse;

public sealed class AnalyseOutputTests
{
    private static readonly string[] SampleArgs =
    [
        "analyse", "--judgements", Cli.Sample("analyse/judgements.csv"), "--anchors", Cli.Sample("analyse/anchors.csv"),
        "--grade-scale", "eng5_np_legacy_9_step",
    ];

    [Fact]
    public void Json_output_follows_the_analyse_contract()
    {
        var (exit, output, error) = Cli.Run(SampleArgs);
        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("map", root.GetProperty("method").GetString());
        Assert.Equal(16, root.GetProperty("items").GetInt32());
        Assert.Equal(160, root.GetProperty("judgements").GetInt32());
        Assert.Equal(1, root.GetProperty("components").GetInt32());
        var essays = root.GetProperty("essays").EnumerateArray().ToArray();
        Assert.Equal(16, essays.Length);
        foreach (var essay in essays)
        {
            Assert.True(essay.GetProperty("standard_error").GetDouble() > 0);
            foreach (var field in new[] { "essay_id", "ability", "comparison_count", "wins", "losses", "infit", "outfit", "is_anchor", "anchor_grade" })
            {
                Assert.True(essay.TryGetProperty(field, out _), field);
            }

            if (!essay.GetProperty("is_anchor").GetBoolean())
            {
                var projection = essay.GetProperty("grade_projection");
                var sum = projection.GetProperty("probabilities").EnumerateObject().Sum(p => p.Value.GetDouble());
                Assert.Equal(1.0, sum, 1e-12);
                Assert.InRange(projection.GetProperty("confidence_score").GetDouble(), 0, 1);
                Assert.Matches("^(HIGH|MID|LOW)$", projection.GetProperty("confidence_label").GetString());
                Assert.False(string.IsNullOrEmpty(projection.GetProperty("grade").GetString()));
            }
        }

        var reliability = root.GetProperty("reliability");
        Assert.InRange(reliability.GetProperty("ssr").GetDouble(), 0.5, 1);
        Assert.True(reliability.GetProperty("separation_index").GetDouble() > 1);
        Assert.Equal("judge", reliability.GetProperty("split_half").GetProperty("mode").GetString());
    }

    [Fact]
    public void Sirt_and_ilsr_methods_are_selectable()
    {
        foreach (var method in new[] { "sirt", "ilsr" })
        {
            var (exit, output, error) = Cli.Run([.. SampleArgs, "--method", method, "--split-half-splits", "0"]);
            Assert.True(exit == 0, error);
            using var json = JsonDocument.Parse(output);
            Assert.Equal(method, json.RootElement.GetProperty("method").GetString());
        }
    }

    [Fact]
    public void Csv_output_has_one_row_per_essay_with_grade_probabilities()
    {
        var (exit, output, error) = Cli.Run([.. SampleArgs, "--format", "csv"]);
        Assert.True(exit == 0, error);
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.Equal(17, lines.Length);
        Assert.StartsWith("essay_id,ability,standard_error,rank", lines[0], StringComparison.Ordinal);
        Assert.EndsWith("p_B,p_A", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void The_out_option_writes_the_file_and_nothing_to_standard_output()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "nested", "result.json");
        var (exit, output, error) = Cli.Run([.. SampleArgs, "--out", path]);
        Assert.True(exit == 0, error);
        Assert.Equal("", output);
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        Assert.Equal(16, json.RootElement.GetProperty("items").GetInt32());
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, "*.tmp"));
    }

    [Fact]
    public void An_artefact_is_accepted_instead_of_a_csv()
    {
        using var temp = new TempFolder();
        var artefact = temp.Write("assessment_run.execute.json", """
            {
              "metadata": { "grade_scale": "swedish_8_anchor" },
              "results": {
                "comparisons": [
                  { "sequence": 1, "essay_a_id": "S1", "essay_b_id": "A_HI", "winner_id": "A_HI", "loser_id": "S1", "status": "succeeded" },
                  { "sequence": 2, "essay_a_id": "A_LO", "essay_b_id": "S1", "winner_id": "S1", "loser_id": "A_LO", "status": "succeeded" },
                  { "sequence": 3, "essay_a_id": "A_HI", "essay_b_id": "A_LO", "winner_id": null, "loser_id": null, "status": "failed" },
                  { "sequence": 4, "essay_a_id": "A_LO", "essay_b_id": "A_HI", "winner_id": "A_HI", "loser_id": "A_LO", "status": "succeeded" }
                ],
                "essays": [
                  { "essay_id": "A_HI", "is_anchor": true, "anchor_grade": "A" },
                  { "essay_id": "A_LO", "is_anchor": true, "anchor_grade": "E" },
                  { "essay_id": "S1", "is_anchor": false, "anchor_grade": null }
                ]
              }
            }
            """);
        var (exit, output, error) = Cli.Run("analyse", "--judgements", artefact, "--split-half-splits", "0");
        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(3, json.RootElement.GetProperty("judgements").GetInt32());
        Assert.Equal("swedish_8_anchor", json.RootElement.GetProperty("grade_scale").GetString());
        var student = json.RootElement.GetProperty("essays").EnumerateArray().Single(e => e.GetProperty("essay_id").GetString() == "S1");
        Assert.Equal("C", student.GetProperty("grade_projection").GetProperty("median_grade").GetString());
    }
}
