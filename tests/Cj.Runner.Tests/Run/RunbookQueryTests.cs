using System.Diagnostics;

namespace Cj.Runner.Tests.Run;

/// <summary>The runbook's <c>jq</c> queries run as written against the dry-run artefact (jq is installed by .ci/run).</summary>
public sealed class RunbookQueryTests
{
    public static TheoryData<string, string> Queries() => new()
    {
        { ".results.comparisons | group_by(.grade_scale) | map({scale: .[0].grade_scale, count: length})", "[]" },
        { ".results.essays[] | {essay_id, grade: .grade_projection.grade, prompt_ref: .student_prompt_ref.storage_id}", "\"prompt_ref\": \"" },
        { ".validation.manifest | to_entries[] | {path: .key, sha256: .value.sha256}", "\"path\": \"requests/ELS_CJAssessmentRequestV1." },
        { ".validation.runner_status.partial_data", "false" },
        { ".costs.token_counts", "[]" },
        { ".validation.manifest", "\"sha256\"" },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public void The_runbook_query_runs_on_the_dry_run_artefact(string query, string expected)
    {
        using var temp = new TempFolder();
        var (exit, _, error) = Cli.Run(DryRunTests.DryRun(temp.Path));
        Assert.True(exit == 0, error);
        var (code, output, stderr) = Jq(query, Path.Combine(temp.Path, "assessment_run.dry-run.json"));
        Assert.True(code == 0, $"jq failed: {stderr}");
        Assert.Contains(expected, output, StringComparison.Ordinal);
    }

    internal static (int Code, string Out, string Err) Jq(string query, string file)
    {
        var start = new ProcessStartInfo("jq") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(query);
        start.ArgumentList.Add(file);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error);
    }
}
