using System.Collections.Immutable;
using Cj.Assessment.Store;
using Cj.Contracts;
using Cj.Core;
using Cj.Core.Grading;
using Cj.Core.Workflow;
using Microsoft.Data.Sqlite;

namespace Cj.Assessment.Handlers;

/// <summary>A request turned into a batch: its essays (students and the assignment's anchors), settings and prompt.</summary>
internal sealed record BatchPlan(
    IReadOnlyList<BatchEssayRow> Essays, EngineSettings Settings, int? RequestMaxComparisons, BatchMode Mode, BatchPrompt Prompt)
{
    public ImmutableArray<Essay> EngineEssays =>
        [.. Essays.Select(e => e.IsAnchor != 0 ? Essay.Anchor(e.EssayId, e.AnchorGrade!) : Essay.Student(e.EssayId))];
}

/// <summary>Why a request cannot become a batch: a failure reason of contracts §4 and details.</summary>
internal sealed record PlanFailure(string Reason, string Details, bool PromptMissing = false);

/// <summary>
/// Validates a request against the store and plans its batch: unknown assignment → <c>unknown_assignment</c>, a text
/// not in the content store → <c>content_missing</c>, anything else malformed → <c>invalid_request</c>.
/// </summary>
internal static class BatchPlanner
{
    public static (BatchPlan? Plan, PlanFailure? Failure) Plan(
        SqliteConnection connection, SqliteTransaction transaction, EventEnvelope<ElsCjAssessmentRequestV1> envelope, CjAssessmentOptions options)
    {
        var request = envelope.Data;
        var mode = RequestValidation.MetadataText(envelope.Metadata, "runner_mode") == "anchor-align-test" ? BatchMode.AnchorAlign : BatchMode.Normal;
        if (RequestValidation.Problem(envelope, mode == BatchMode.AnchorAlign) is { } problem)
        {
            return Failed("invalid_request", problem);
        }

        var instructions = request.AssignmentId is { } assignmentId
            ? InstructionStore.Get(connection, transaction, InstructionStore.AssignmentKey(assignmentId))
            : null;
        if (request.AssignmentId is not null && instructions is null)
        {
            return Failed("unknown_assignment", $"no assessment instructions are registered for assignment '{request.AssignmentId}'");
        }

        var scale = GradeScale.Named(instructions?.GradeScale ?? options.DefaultGradeScale);
        var anchors = request.AssignmentId is null
            ? []
            : AnchorStore.List(connection, transaction, request.AssignmentId).Where(a => a.GradeScale == scale.Name).ToArray();
        var students = request.EssaysForCj ?? [];
        if (students.FirstOrDefault(s => anchors.Any(a => EssayIdOf(a) == s.EssayId)) is { } clash)
        {
            return Failed("invalid_request", $"essay_id '{clash.EssayId}' is also the id or label of a registered anchor");
        }

        var missing = ContentStore.Missing(connection, transaction, students.Select(s => s.TextStorageId));
        if (missing.Count > 0)
        {
            return Failed("content_missing", $"{missing.Count} essay text(s) are not in the content store, e.g. {missing[0]}");
        }

        var promptId = RequestValidation.StudentPromptStorageId(request) ?? instructions?.StudentPromptStorageId;
        var studentPrompt = promptId is null ? null : ContentStore.Text(connection, transaction, promptId);
        if (promptId is not null && studentPrompt is null)
        {
            return (null, new PlanFailure("content_missing", $"the student prompt {promptId} is not in the content store", PromptMissing: true));
        }

        List<BatchEssayRow> essays =
        [
            .. students.Select(s => new BatchEssayRow(s.EssayId, s.TextStorageId, 0, null, s.EssayId)),
            .. anchors.Select(a => new BatchEssayRow(EssayIdOf(a), a.TextStorageId, 1, a.Grade, a.AnchorLabel)),
        ];
        var settings = options.Engine with { GradeScale = scale };
        if (EngineSettingsReader.BatchingModeOf(RequestValidation.MetadataText(envelope.Metadata, "llm_batching_mode_hint")) is { } hint)
        {
            settings = settings with { BatchingMode = hint };
        }

        var rubric = request.LlmConfigOverrides?.JudgeRubricOverride ?? instructions?.JudgeRubricText;
        var prompt = BatchPrompt.Create(studentPrompt, instructions?.InstructionsText, rubric, (int)settings.ComparisonTimeout.TotalSeconds, WireName(settings.BatchingMode));
        return (new BatchPlan(essays, settings, RequestValidation.MaxComparisons(envelope.Metadata), mode, prompt), null);
    }

    public static string WireName(BatchingMode mode) => mode switch
    {
        BatchingMode.PerRequest => "per_request",
        BatchingMode.ProviderBatchApi => "provider_batch_api",
        _ => "serial_bundle",
    };

    private static (BatchPlan?, PlanFailure?) Failed(string reason, string details) => (null, new PlanFailure(reason, details));

    /// <summary>
    /// An anchor takes part in a batch under its label when the label is a valid essay id (the runner registers each
    /// anchor with its essay id as the label, so inputs, results and events share one id); otherwise under its anchor id.
    /// </summary>
    public static string EssayIdOf(AnchorRow anchor) =>
        anchor.AnchorLabel is { Length: >= 1 and <= 64 } label && label.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or ':' or '-')
            ? label
            : anchor.AnchorId;
}
