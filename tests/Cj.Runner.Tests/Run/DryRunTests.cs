using System.Security.Cryptography;
using System.Text.Json;
using Cj.Runner.Artefact;

namespace Cj.Runner.Tests.Run;

public sealed class DryRunTests
{
    internal static string Demo => Cli.Sample("eng5-demo");

    internal static string[] DryRun(string output, params string[] extra) =>
        ["--mode", "dry-run", "--batch-id", "dev-batch", "--no-kafka", "--assets", Demo, "--output-dir", output, .. extra];

    [Fact]
    public void Dry_run_writes_the_request_envelope_and_a_valid_artefact_into_its_own_run_folder()
    {
        using var temp = new TempFolder();
        var (exit, _, error) = Cli.Run(DryRun(temp.Path));
        Assert.True(exit == 0, error);
        var run = Assert.Single(Directory.GetDirectories(Path.Combine(temp.Path, "runs")));
        Assert.Matches("dev-batch-[0-9a-f]{8}$", run);
        var request = Assert.Single(Directory.GetFiles(Path.Combine(run, "requests")));
        using var envelope = JsonDocument.Parse(File.ReadAllText(request));
        var root = envelope.RootElement;
        Assert.Equal("huleedu.els.cj_assessment.requested.v1", root.GetProperty("event_type").GetString());
        Assert.Equal(12, root.GetProperty("data").GetProperty("essays_for_cj").GetArrayLength());
        Assert.Equal("execute", root.GetProperty("metadata").GetProperty("runner_mode").GetString());
        Assert.Equal("dev-batch", root.GetProperty("metadata").GetProperty("batch_label").GetString());

        var artefact = Artefact(run);
        Assert.Equal(root.GetProperty("batch_id").GetString(), artefact.GetProperty("metadata").GetProperty("batch_uuid").GetString());
        Assert.Equal("planned", artefact.GetProperty("results").GetProperty("status").GetString());
        Assert.Equal(20, artefact.GetProperty("results").GetProperty("essays").GetArrayLength());
        Assert.Equal(File.ReadAllText(Path.Combine(run, "assessment_run.dry-run.json")), File.ReadAllText(Path.Combine(temp.Path, "assessment_run.dry-run.json")));
        Assert.True(File.Exists(Path.Combine(run, "logs", "runner.log")));
    }

    [Fact]
    public void Every_manifest_entry_matches_its_file_and_the_artefact_checksum_verifies()
    {
        using var temp = new TempFolder();
        Assert.Equal(0, Cli.Run(DryRun(temp.Path)).Exit);
        var run = Directory.GetDirectories(Path.Combine(temp.Path, "runs")).Single();
        var path = Path.Combine(run, "assessment_run.dry-run.json");
        var artefact = JsonSerializer.Deserialize<AssessmentRun>(File.ReadAllText(path), JsonDefaults.Options)!;
        var files = Directory.EnumerateFiles(Path.Combine(run, "requests"), "*", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(run, "events"), "*", SearchOption.AllDirectories))
            .Select(f => Path.GetRelativePath(run, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(files, artefact.Validation.Manifest.Keys.Order(StringComparer.Ordinal).ToArray());
        foreach (var (relative, entry) in artefact.Validation.Manifest)
        {
            var bytes = File.ReadAllBytes(Path.Combine(run, relative));
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), entry.Sha256);
            Assert.Equal(bytes.LongLength, entry.Bytes);
        }

        Assert.Equal(File.ReadAllBytes(path), ArtefactWriter.Serialise(artefact));
        Assert.Equal(artefact.Validation.ArtefactChecksum, ArtefactWriter.Seal(artefact).Validation.ArtefactChecksum);
        var unsealed = artefact with { Validation = artefact.Validation with { ArtefactChecksum = "" } };
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(ArtefactWriter.Serialise(unsealed))), artefact.Validation.ArtefactChecksum);
    }

    [Fact]
    public void Running_dry_run_twice_leaves_both_run_folders_intact()
    {
        using var temp = new TempFolder();
        Assert.Equal(0, Cli.Run(DryRun(temp.Path)).Exit);
        var first = Directory.GetDirectories(Path.Combine(temp.Path, "runs")).Single();
        var firstArtefact = File.ReadAllText(Path.Combine(first, "assessment_run.dry-run.json"));
        Assert.Equal(0, Cli.Run(DryRun(temp.Path)).Exit);
        var runs = Directory.GetDirectories(Path.Combine(temp.Path, "runs"));
        Assert.Equal(2, runs.Length);
        Assert.Equal(firstArtefact, File.ReadAllText(Path.Combine(first, "assessment_run.dry-run.json")));
        foreach (var run in runs)
        {
            Assert.Single(Directory.GetFiles(Path.Combine(run, "requests")));
            Assert.Single(Artefact(run).GetProperty("validation").GetProperty("manifest").EnumerateObject());
        }
    }

    [Fact]
    public void Max_comparisons_is_published_as_envelope_metadata_and_lowers_the_budget()
    {
        using var temp = new TempFolder();
        var (exit, output, error) = Cli.Run(DryRun(temp.Path, "--max-comparisons", "40"));
        Assert.True(exit == 0, error);
        Assert.Contains("Budget: 40 comparisons for 20 essays", output, StringComparison.Ordinal);
        var run = Directory.GetDirectories(Path.Combine(temp.Path, "runs")).Single();
        using var envelope = JsonDocument.Parse(File.ReadAllText(Directory.GetFiles(Path.Combine(run, "requests")).Single()));
        Assert.Equal(40, envelope.RootElement.GetProperty("metadata").GetProperty("max_comparisons").GetInt32());
        Assert.Equal(40, Artefact(run).GetProperty("metadata").GetProperty("max_comparisons").GetInt32());
    }

    [Fact]
    public void Json_logs_carry_the_runbook_bindings_and_the_validation_state()
    {
        using var temp = new TempFolder();
        var (exit, _, error) = Cli.Run(DryRun(temp.Path, "--log-format", "json"));
        Assert.True(exit == 0, error);
        var run = Directory.GetDirectories(Path.Combine(temp.Path, "runs")).Single();
        var lines = File.ReadAllLines(Path.Combine(run, "logs", "runner.log")).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.All(lines, l =>
        {
            Assert.Equal("eng5-np-runner", l.GetProperty("service_name").GetString());
            Assert.Equal("dev-batch", l.GetProperty("batch_id").GetString());
            Assert.Equal("dry-run", l.GetProperty("runner_mode").GetString());
            Assert.False(string.IsNullOrEmpty(l.GetProperty("correlation_id").GetString()));
        });
        var state = lines.Single(l => l.GetProperty("event").GetString() == "runner_validation_state");
        Assert.Equal(1, state.GetProperty("manifest_entries").GetInt32());
        Assert.Matches("^[0-9a-f]{64}$", state.GetProperty("artefact_checksum").GetString());
        Assert.False(state.GetProperty("runner_status").GetProperty("partial_data").GetBoolean());
        Assert.Equal(lines.Length, error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(l => l.StartsWith('{')));
    }

    [Fact]
    public void Api_keys_in_the_environment_never_reach_the_artefact_the_logs_or_the_console()
    {
        using var temp = new TempFolder();
        const string secret = "sk-test-DO-NOT-LEAK-0123456789";
        var environment = new Dictionary<string, string> { ["OPENAI_API_KEY"] = secret, ["ANTHROPIC_API_KEY"] = secret + "-a" };
        var (exit, output, error) = Cli.RunWith(environment, DryRun(temp.Path, "--log-format", "json"));
        Assert.True(exit == 0, error);
        Assert.Contains("openai / gpt-4.1-mini", output, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, output + error, StringComparison.Ordinal);
        foreach (var file in Directory.EnumerateFiles(temp.Path, "*", SearchOption.AllDirectories))
        {
            Assert.DoesNotContain(secret, File.ReadAllText(file), StringComparison.Ordinal);
        }
    }

    internal static JsonElement Artefact(string run)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Directory.GetFiles(run, "assessment_run.*.json").Single()));
        return document.RootElement.Clone();
    }
}
