using Cj.Runner.Artefact;
using Cj.Runner.Run;

namespace Cj.Runner.Tests.Run;

public sealed class ArtefactGuardTests
{
    [Fact]
    public void An_artefact_that_fails_its_schema_is_not_written_but_kept_beside_for_inspection()
    {
        using var temp = new TempFolder();
        Assert.Equal(0, Cli.Run(DryRunTests.DryRun(temp.Path)).Exit);
        var run = Directory.GetDirectories(Path.Combine(temp.Path, "runs")).Single();
        var path = Path.Combine(run, "assessment_run.dry-run.json");
        var artefact = System.Text.Json.JsonSerializer.Deserialize<AssessmentRun>(File.ReadAllText(path), JsonDefaults.Options)!;
        var broken = artefact with { Metadata = artefact.Metadata with { RunnerMode = "bogus", GitSha = "not-a-sha" } };
        var target = RunFolder.Create(Path.Combine(temp.Path, "other"), "broken", Guid.NewGuid());
        var error = Assert.Throws<ArtefactInvalidException>(() => ArtefactWriter.Write(target, ArtefactWriter.Seal(broken)));
        Assert.Contains("/metadata/runner_mode", error.Message, StringComparison.Ordinal);
        Assert.Contains("/metadata/git_sha", error.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(target.Path, "assessment_run.bogus.invalid.json")));
        Assert.False(File.Exists(Path.Combine(target.Path, "assessment_run.bogus.json")));
        Assert.False(File.Exists(Path.Combine(temp.Path, "other", "assessment_run.bogus.json")));
    }

    [Fact]
    public void The_git_sha_is_unknown_when_git_is_missing_or_the_folder_is_no_repository()
    {
        using var temp = new TempFolder();
        Assert.Equal("UNKNOWN", CliEnvironmentProbe.GitSha(temp.Path, "git-binary-that-does-not-exist"));
        Assert.Equal("UNKNOWN", CliEnvironmentProbe.GitSha(temp.Path));
        Assert.Matches("^([0-9a-f]{40}|UNKNOWN)$", CliEnvironmentProbe.GitSha(Cli.RepositoryRoot));
    }
}
