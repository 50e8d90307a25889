namespace Cj.Runner.Artefact;

/// <summary><c>costs</c>: totals and per provider/model token counts.</summary>
internal sealed record ArtefactCosts(decimal TotalUsd, IReadOnlyList<TokenCount> TokenCounts, CostEstimate? Estimate);

internal sealed record TokenCount(
    string Provider,
    string Model,
    long PromptTokens,
    long CompletionTokens,
    long CacheReadTokens,
    long CacheWriteTokens,
    decimal Usd);

/// <summary>The plan's estimate, kept in plan and dry-run artefacts so a run can be compared with its forecast.</summary>
internal sealed record CostEstimate(
    int ComparisonsLow,
    int ComparisonsHigh,
    long PromptTokensLow,
    long PromptTokensHigh,
    long CompletionTokensLow,
    long CompletionTokensHigh,
    decimal? UsdLow,
    decimal? UsdHigh,
    string PriceTableAsOf);

/// <summary><c>validation</c>: the checksum of the artefact itself, the manifest of the run's files and the run's status.</summary>
internal sealed record ArtefactValidation(
    string ArtefactChecksum,
    IReadOnlyDictionary<string, ManifestEntry> Manifest,
    RunnerStatus RunnerStatus,
    CliEnvironment CliEnvironment);

internal sealed record ManifestEntry(string Sha256, long Bytes);

internal sealed record RunnerStatus(
    bool PartialData,
    int TimeoutSeconds,
    FailureRecord? Failure,
    ObservedEvents ObservedEvents);

internal sealed record FailureRecord(string Reason, string? Details);

internal sealed record ObservedEvents(int Comparisons, int AssessmentResults, int Completions, int Failures);

internal sealed record CliEnvironment(string Dotnet, string Os, IReadOnlyDictionary<string, string> ToolVersions);
