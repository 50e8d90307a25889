using System.Globalization;
using System.Net.Http.Json;
using Cj.Contracts;
using Cj.Hosting.Bus;
using Cj.Hosting.Json;

namespace Cj.Assessment.Tests.Support;

/// <summary>An assignment with instructions, a student prompt, anchors and students, as a test registers it.</summary>
internal sealed record SeededAssignment(string AssignmentId, string PromptStorageId, IReadOnlyList<EssayForCj> Students, IReadOnlyList<string> AnchorEssayIds);

/// <summary>Builds test assignments, texts and request envelopes.</summary>
internal static class Scenario
{
    public static readonly string[] AnchorGrades = ["F+", "E+", "D+", "C+", "B", "A"];

    public static string Text(string label) =>
        $"This text ({label}) describes a summer at the coast. " +
        string.Concat(Enumerable.Repeat("The writer explains the events in order and gives reasons for each choice. ", 3)) +
        $"It ends with a short reflection numbered {label}.";

    /// <summary>Registers instructions, prompt and anchors (abilities rising with grade) and uploads the students.</summary>
    public static async Task<SeededAssignment> SeedAsync(AssessmentStack stack, string assignmentId = "eng5-test", int students = 8, string[]? anchorGrades = null)
    {
        var prompt = await stack.UploadAsync("Write an essay about a place you remember well and explain why it matters to you.");
        using (var response = await stack.PostAdminAsync("admin/v1/assessment-instructions", new AssessmentInstructionsRequest(
            assignmentId, null, "Judge content, structure and language against the national criteria.", "eng5_np_legacy_9_step", "research_experiment", prompt)))
        {
            response.EnsureSuccessStatusCode();
        }

        var anchors = new List<string>();
        foreach (var grade in anchorGrades ?? AnchorGrades)
        {
            using var response = await stack.PostAdminAsync("api/v1/anchors/register", new AnchorRegistrationRequest(assignmentId, grade, "anchor-" + grade, Text("anchor " + grade)));
            response.EnsureSuccessStatusCode();
            var registered = await response.Content.ReadFromJsonAsync<AnchorRegistered>(WireJson.Options);
            stack.Llm.Abilities[registered!.StorageId] = (Array.IndexOf(AnchorGrades, grade) - 2.5) * 0.9;
            anchors.Add(grade.Contains('+', StringComparison.Ordinal) ? registered.AnchorId : "anchor-" + grade); // a label that is a valid essay id is the anchor's essay id
        }

        var essays = new List<EssayForCj>();
        for (var i = 0; i < students; i++)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"STUDENT_{i:D2}");
            var storageId = await stack.UploadAsync(Text("student text " + i.ToString(CultureInfo.InvariantCulture)));
            stack.Llm.Abilities[storageId] = -2.0 + (4.0 * i / Math.Max(1, students - 1));
            essays.Add(new EssayForCj(id, storageId));
        }

        return new SeededAssignment(assignmentId, prompt, essays, anchors);
    }

    public static EventEnvelope<ElsCjAssessmentRequestV1> Request(
        Guid batchId, string? assignmentId, IReadOnlyList<EssayForCj> essays, string? promptStorageId, Dictionary<string, object?>? metadata = null)
    {
        var now = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        var batch = batchId.ToString("D");
        var data = new ElsCjAssessmentRequestV1(
            "els.cj_assessment.requested", batch, "batch", assignmentId, now,
            new SystemMetadata(batch, "batch", assignmentId, now, "PENDING", "els.cj_assessment.requested", null, null, null),
            essays, "en", "ENG5", assignmentId, "test-user", null,
            promptStorageId is null ? null : new StudentPromptRef(new Dictionary<string, StorageReference> { ["STUDENT_PROMPT_TEXT"] = new(promptStorageId, "prompt.md") }),
            new LlmConfigOverrides(null, null, 0.0, null, null, null, null, null, false));
        return new EventEnvelope<ElsCjAssessmentRequestV1>(
            Guid.NewGuid(), Topics.AssessmentRequested, now, SourceServices.Runner, 1, "corr-" + batch, batchId, null, data,
            metadata ?? new Dictionary<string, object?> { ["runner_mode"] = "execute", ["llm_batching_mode_hint"] = "per_request" });
    }

    public static Task PublishAsync(AssessmentStack stack, EventEnvelope<ElsCjAssessmentRequestV1> request) =>
        stack.Bus.PublishAsync(EnvelopeMessages.ToMessage(request), CancellationToken.None);
}
