namespace Cj.Runner.Artefact;

/// <summary>
/// The assessment artefact (<c>schema_version</c> 2.x; <c>schemas/assessment_run.schema.json</c>): one audit-ready
/// JSON document per run with inputs, every comparison, every score with its standard error, costs and checksums.
/// </summary>
internal sealed record AssessmentRun(
    string SchemaVersion,
    ArtefactMetadata Metadata,
    ArtefactInputs Inputs,
    ArtefactResults Results,
    ArtefactCosts Costs,
    ArtefactValidation Validation);

internal sealed record ArtefactMetadata(
    string BatchId,
    Guid BatchUuid,
    string RunnerMode,
    string RunnerVersion,
    string GitSha,
    string GeneratedAt,
    string Stack,
    string? AssignmentId,
    string CourseCode,
    string Language,
    string GradeScale,
    IReadOnlyList<string> GradeScaleLabels,
    int? MaxComparisons,
    int ComparisonBudget,
    ArtefactLlm Llm);

internal sealed record ArtefactLlm(
    string Provider,
    string Model,
    double? Temperature,
    int? MaxTokens,
    string BatchingMode,
    string? ReasoningEffort,
    string? OutputVerbosity,
    bool SyntheticVerdicts);

internal sealed record ArtefactInputs(
    InputDocument Instructions,
    InputDocument Prompt,
    InputDocument? Rubric,
    IReadOnlyList<InputAnchor> Anchors,
    IReadOnlyList<InputStudent> Students);

internal sealed record InputDocument(string SourcePath, string Sha256, long Bytes, string StorageId);

internal sealed record InputAnchor(string EssayId, string FileName, string Grade, string SourcePath, string Sha256, long Bytes, string StorageId);

internal sealed record InputStudent(string EssayId, string FileName, string SourcePath, string Sha256, long Bytes, string StorageId);
