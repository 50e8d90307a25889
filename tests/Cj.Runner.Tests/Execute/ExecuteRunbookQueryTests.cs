namespace Cj.Runner.Tests.Execute;

/// <summary>The runbook's <c>jq</c> spot checks run as written against a real execute artefact (simulated judge).</summary>
public sealed class ExecuteRunbookQueryTests
{
    [Fact]
    public void The_runbook_queries_answer_on_the_execute_artefact()
    {
        using var temp = new TempFolder();
        var (exit, _, error, _, _) = ExecuteTests.Execute(
            Path.Combine(temp.Path, "out"), new() { ["SIMULATED_ABILITIES_FILE"] = SimulatedExecuteTests.AbilitiesFile(temp) }, "--llm-provider", "simulated");
        Assert.True(exit == 0, error);
        var latest = Path.Combine(temp.Path, "out", "assessment_run.execute.json");
        Assert.True(File.Exists(latest), "the latest copy of the execute artefact");

        var (code, scales, stderr) = Run.RunbookQueryTests.Jq(".results.comparisons | group_by(.grade_scale) | map({scale: .[0].grade_scale, count: length})", latest);
        Assert.True(code == 0, stderr);
        Assert.Matches("\"scale\": \"eng5_np_legacy_9_step\",\\s+\"count\": [1-9][0-9]*", scales);

        (code, var essays, stderr) = Run.RunbookQueryTests.Jq(".results.essays[] | select(.is_anchor | not) | {essay_id, grade: .grade_projection.grade, prompt_ref: .student_prompt_ref.storage_id}", latest);
        Assert.True(code == 0, stderr);
        Assert.Equal(12, System.Text.RegularExpressions.Regex.Count(essays, "\"grade\": \"[A-F][+-]?\""));

        (code, var manifest, stderr) = Run.RunbookQueryTests.Jq(".validation.manifest | to_entries[] | {path: .key, sha256: .value.sha256}", latest);
        Assert.True(code == 0, stderr);
        Assert.Contains("\"path\": \"events/comparisons/", manifest, StringComparison.Ordinal);
        Assert.Contains("\"path\": \"events/completions/", manifest, StringComparison.Ordinal);
        Assert.Contains("\"path\": \"requests/ELS_CJAssessmentRequestV1.", manifest, StringComparison.Ordinal);

        (code, var partial, stderr) = Run.RunbookQueryTests.Jq(".validation.runner_status.partial_data", latest);
        Assert.True(code == 0, stderr);
        Assert.Equal("false", partial.Trim());
    }
}
