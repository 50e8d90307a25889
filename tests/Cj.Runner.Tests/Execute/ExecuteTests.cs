using System.Diagnostics;
using System.Text.Json;

namespace Cj.Runner.Tests.Execute;

/// <summary>The main job end to end on the embedded stack: both services in-process on 127.0.0.1, the in-process bus, SQLite files.</summary>
public sealed class ExecuteTests
{
    private static readonly Dictionary<string, string> Fast = new()
    {
        ["LLM_PROVIDER_SERVICE_RETRY_BASE_DELAY_SECONDS"] = "0.01",
        ["LLM_PROVIDER_SERVICE_RETRY_MAX_DELAY_SECONDS"] = "0.05",
    };

    internal static (int Exit, string Out, string Err, JsonElement Artefact, string Run) Execute(string output, Dictionary<string, string>? environment = null, params string[] extra)
    {
        var env = new Dictionary<string, string>(Fast);
        foreach (var (key, value) in environment ?? [])
        {
            env[key] = value;
        }

        var (exit, stdout, stderr) = Cli.RunWith(env, ["--mode", "execute", "--batch-id", "exec-test", "--await-completion", "--assets", Run.DryRunTests.Demo, "--output-dir", output, .. extra]);
        var run = Directory.GetDirectories(Path.Combine(output, "runs")).Single();
        return (exit, stdout, stderr, Run.DryRunTests.Artefact(run), run);
    }

    [Fact]
    public void Execute_with_the_mock_provider_writes_a_complete_artefact()
    {
        using var temp = new TempFolder();
        var (exit, _, error, artefact, run) = Execute(temp.Path);
        Assert.True(exit == 0, error);
        Assert.Contains("SYNTHETIC", error, StringComparison.Ordinal);
        var results = artefact.GetProperty("results");
        Assert.Equal("completed", results.GetProperty("status").GetString());
        var comparisons = results.GetProperty("comparisons").EnumerateArray().ToArray();
        Assert.NotEmpty(comparisons);
        Assert.All(comparisons, c =>
        {
            Assert.Matches("^[0-9a-f]{64}$", c.GetProperty("prompt_sha256").GetString());
            Assert.True(c.GetProperty("tokens").GetProperty("prompt").GetInt32() > 0);
            Assert.Equal(0m, c.GetProperty("cost_usd").GetDecimal());
        });
        var inputs = artefact.GetProperty("inputs");
        var ids = inputs.GetProperty("anchors").EnumerateArray().Concat(inputs.GetProperty("students").EnumerateArray())
            .Select(e => e.GetProperty("essay_id").GetString()).Order(StringComparer.Ordinal).ToArray();
        var essays = results.GetProperty("essays").EnumerateArray().ToArray();
        Assert.Equal(ids, essays.Select(e => e.GetProperty("essay_id").GetString()).Order(StringComparer.Ordinal).ToArray());
        Assert.All(essays, e =>
        {
            Assert.True(e.GetProperty("standard_error").GetDouble() > 0);
            Assert.True(e.GetProperty("comparison_count").GetInt32() > 0);
        });

        // The mock's verdicts are random, so its anchors may land out of order and leave no calibration;
        // projections are then absent for every student together (the simulated test requires them).
        var students = essays.Where(e => !e.GetProperty("is_anchor").GetBoolean()).ToArray();
        var projected = students.Count(e => e.GetProperty("grade_projection").ValueKind == JsonValueKind.Object);
        Assert.True(projected == 0 || projected == students.Length, $"{projected} of {students.Length} students projected");
        Assert.All(students.Where(e => e.GetProperty("grade_projection").ValueKind == JsonValueKind.Object), e => AssertProjection(e));
        Assert.Equal(comparisons.Length, artefact.GetProperty("validation").GetProperty("runner_status").GetProperty("observed_events").GetProperty("comparisons").GetInt32());
        Assert.Equal(comparisons.Length, Directory.GetFiles(Path.Combine(run, "events", "comparisons")).Length);
        Assert.Single(Directory.GetFiles(Path.Combine(run, "events", "completions")));
        Assert.Single(Directory.GetFiles(Path.Combine(run, "events", "assessment_results")));
        Assert.Contains("runner_execution_complete", File.ReadAllText(Path.Combine(run, "logs", "runner.log")), StringComparison.Ordinal);
    }

    internal static void AssertProjection(JsonElement essay)
    {
        var projection = essay.GetProperty("grade_projection");
        Assert.Equal(1.0, projection.GetProperty("probabilities").EnumerateObject().Sum(p => p.Value.GetDouble()), 1e-9);
        Assert.False(string.IsNullOrEmpty(projection.GetProperty("grade").GetString()));
    }

    [Fact]
    public void The_full_cap_recipe_runs_exactly_to_the_cap_and_publishes_it_as_metadata()
    {
        using var temp = new TempFolder();
        var environment = new Dictionary<string, string> { ["CJ_ASSESSMENT_SERVICE_MIN_COMPARISONS_FOR_STABILITY_CHECK"] = "1000" };
        var (exit, _, error, artefact, run) = Execute(temp.Path, environment, "--max-comparisons", "40");
        Assert.True(exit == 0, error);
        var succeeded = artefact.GetProperty("results").GetProperty("comparisons").EnumerateArray().Count(c => c.GetProperty("status").GetString() == "succeeded");
        Assert.Equal(40, succeeded);
        Assert.Equal("budget_exhausted", artefact.GetProperty("results").GetProperty("stop_reason").GetString());
        using var request = JsonDocument.Parse(File.ReadAllText(Directory.GetFiles(Path.Combine(run, "requests")).Single()));
        Assert.Equal(40, request.RootElement.GetProperty("metadata").GetProperty("max_comparisons").GetInt32());
    }

    [Fact]
    public void A_provider_that_always_fails_ends_the_run_promptly_with_exit_4()
    {
        using var temp = new TempFolder();
        var clock = Stopwatch.StartNew();
        var (exit, _, error, artefact, _) = Execute(temp.Path, new() { ["MOCK_ERROR_RATE"] = "1" }, "--completion-timeout", "600");
        Assert.True(exit == 4, error);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(120), $"took {clock.Elapsed}");
        Assert.Equal("failed", artefact.GetProperty("results").GetProperty("status").GetString());
        Assert.Equal("low_success_rate", artefact.GetProperty("validation").GetProperty("runner_status").GetProperty("failure").GetProperty("reason").GetString());
        Assert.All(artefact.GetProperty("results").GetProperty("comparisons").EnumerateArray(), c => Assert.Equal(JsonValueKind.Null, c.GetProperty("winner_id").ValueKind));
    }

    [Fact]
    public void Transient_errors_are_retried_and_recorded_and_the_batch_completes()
    {
        using var temp = new TempFolder();
        var (exit, _, error, artefact, _) = Execute(temp.Path, new() { ["MOCK_ERROR_RATE"] = "0.3" }, "--max-comparisons", "60");
        Assert.True(exit == 0, error);
        var comparisons = artefact.GetProperty("results").GetProperty("comparisons").EnumerateArray().ToArray();
        Assert.True(comparisons.Count(c => c.GetProperty("status").GetString() == "succeeded") > 30);
        Assert.Equal("completed", artefact.GetProperty("results").GetProperty("status").GetString());
    }

    [Fact]
    public void A_completion_timeout_writes_a_partial_artefact_and_exits_5()
    {
        using var temp = new TempFolder();
        var (exit, _, error, artefact, _) = Execute(temp.Path, new() { ["MOCK_LATENCY_MS"] = "60000" }, "--completion-timeout", "2");
        Assert.True(exit == 5, error);
        Assert.True(artefact.GetProperty("validation").GetProperty("runner_status").GetProperty("partial_data").GetBoolean());
        Assert.Equal("partial", artefact.GetProperty("results").GetProperty("status").GetString());
    }

    [Fact]
    public void Keys_in_the_environment_never_reach_the_artefact_logs_or_console()
    {
        using var temp = new TempFolder();
        const string secret = "sk-ant-test-NEVER-PRINT-ME-42";
        var (exit, output, error, _, _) = Execute(temp.Path, new() { ["ANTHROPIC_API_KEY"] = secret }, "--llm-provider", "mock", "--max-comparisons", "20");
        Assert.True(exit == 0, error);
        Assert.DoesNotContain(secret, output + error, StringComparison.Ordinal);
        foreach (var file in Directory.EnumerateFiles(temp.Path, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".db", StringComparison.Ordinal) && !f.Contains(".db-", StringComparison.Ordinal)))
        {
            Assert.DoesNotContain(secret, File.ReadAllText(file), StringComparison.Ordinal);
        }
    }
}
