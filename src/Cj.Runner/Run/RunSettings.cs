using Cj.Core.Grading;

namespace Cj.Runner.Run;

/// <summary>Every setting of a plan, dry-run or execute run after the command line and environment are resolved.</summary>
internal sealed record RunSettings
{
    public required RunnerMode Mode { get; init; }

    /// <summary>The human label of the batch (<c>--batch-id</c>); a fresh batch UUID is always generated too.</summary>
    public required string BatchLabel { get; init; }

    public required string AssetsDirectory { get; init; }

    public required string OutputDirectory { get; init; }

    public string? CjServiceUrl { get; init; }

    public string? KafkaBootstrap { get; init; }

    public bool NoKafka { get; init; }

    public bool AwaitCompletion { get; init; }

    public int CompletionTimeoutSeconds { get; init; } = 1800;

    /// <summary><c>--max-comparisons</c>: a cap published as <c>metadata.max_comparisons</c>; null when not given.</summary>
    public int? MaxComparisons { get; init; }

    public required string LlmProvider { get; init; }

    public string? LlmModel { get; init; }

    public double? LlmTemperature { get; init; }

    public int? LlmMaxTokens { get; init; }

    public string? ReasoningEffort { get; init; }

    public string? OutputVerbosity { get; init; }

    public required string LlmBatchingMode { get; init; }

    public string? AssignmentId { get; init; }

    public required string CourseCode { get; init; }

    public required GradeScale GradeScale { get; init; }

    public string? SystemPromptPath { get; init; }

    public string? RubricPath { get; init; }

    public bool ForceReupload { get; init; }

    /// <summary><c>--resume</c>: continue the latest execute run of <see cref="BatchLabel"/> in <see cref="OutputDirectory"/>.</summary>
    public bool Resume { get; init; }

    public bool JsonLogs { get; init; }

    public bool Verbose { get; init; }
}

internal enum RunnerMode
{
    Plan,
    DryRun,
    Execute,
    AnchorAlignTest,
}

internal static class RunnerModes
{
    public static string Name(RunnerMode mode) => mode switch
    {
        RunnerMode.Plan => "plan",
        RunnerMode.DryRun => "dry-run",
        RunnerMode.Execute => "execute",
        _ => "anchor-align-test",
    };

    public static RunnerMode Parse(string name) => name switch
    {
        "plan" => RunnerMode.Plan,
        "dry-run" => RunnerMode.DryRun,
        "execute" => RunnerMode.Execute,
        "anchor-align-test" => RunnerMode.AnchorAlignTest,
        _ => throw new InputException($"--mode: unknown mode '{name}'; expected plan, dry-run, execute or anchor-align-test."),
    };
}
