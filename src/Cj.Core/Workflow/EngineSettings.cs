using Cj.Core.Grading;
using Cj.Core.Pairing;
using Cj.Core.Scoring;

namespace Cj.Core.Workflow;

/// <summary>How a batch's LLM calls are grouped (<c>LLM_BATCHING_MODE</c>); only provider-batch changes the workflow.</summary>
public enum BatchingMode
{
    PerRequest,
    SerialBundle,
    ProviderBatchApi,
}

/// <summary>
/// The settings of §7 of the engine design (env prefix <c>CJ_ASSESSMENT_SERVICE_</c>), each with its documented default.
/// </summary>
public sealed record EngineSettings
{
    public static EngineSettings Default { get; } = new();

    /// <summary><c>MAX_PAIRWISE_COMPARISONS</c>; null = ⌈<see cref="DefaultComparisonsPerEssay"/>·n/2⌉.</summary>
    public int? MaxPairwiseComparisons { get; init; }

    /// <summary><c>DEFAULT_COMPARISONS_PER_ESSAY</c> (default 15).</summary>
    public int DefaultComparisonsPerEssay { get; init; } = 15;

    /// <summary><c>COMPARISONS_PER_STABILITY_CHECK_ITERATION</c>: wave size after the first; 0 = ⌈n/2⌉ (at least 2).</summary>
    public int ComparisonsPerStabilityCheckIteration { get; init; }

    /// <summary><c>MIN_COMPARISONS_FOR_STABILITY_CHECK</c>: successes needed before any early stop (default 12).</summary>
    public int MinComparisonsForStabilityCheck { get; init; } = 12;

    /// <summary><c>SCORE_STABILITY_THRESHOLD</c> in logits (default 0.05).</summary>
    public double ScoreStabilityThreshold { get; init; } = 0.05;

    /// <summary><c>TARGET_MAX_SE</c>; 0 = off.</summary>
    public double TargetMaxSe { get; init; }

    /// <summary><c>TARGET_GRADE_CERTAINTY</c>; 0 = off.</summary>
    public double TargetGradeCertainty { get; init; }

    /// <summary>
    /// <c>TARGET_RELIABILITY</c>; default 0.90, 0 = off. Stop when the empirical-Bayes reliability (ADR 0005), which
    /// adaptive pairing cannot inflate, reaches the target (ADR 0006: the default early stop). Computing it refits the
    /// batch a few times per wave once early stops are allowed.
    /// </summary>
    public double TargetReliability { get; init; } = 0.90;

    /// <summary><c>MIN_SUCCESS_RATE_THRESHOLD</c> (default 0.8).</summary>
    public double MinSuccessRateThreshold { get; init; } = 0.8;

    /// <summary><c>ATTEMPT_FAILURE_ABORT_SHARE</c> (default 0.5).</summary>
    public double AttemptFailureAbortShare { get; init; } = 0.5;

    /// <summary><c>MIN_ATTEMPTS_FOR_ABORT</c> (default 10).</summary>
    public int MinAttemptsForAbort { get; init; } = 10;

    /// <summary><c>MAX_RETRY_ATTEMPTS</c>: extra attempts per comparison (default 3).</summary>
    public int MaxRetryAttempts { get; init; } = 3;

    /// <summary><c>COMPARISON_TIMEOUT_SECONDS</c>; null = 900, or 86,400 with provider-batch.</summary>
    public int? ComparisonTimeoutSeconds { get; init; }

    public BatchingMode BatchingMode { get; init; } = BatchingMode.SerialBundle;

    /// <summary><c>PAIR_GENERATION_SEED</c>; null = FNV-1a-64 of the batch id.</summary>
    public ulong? PairGenerationSeed { get; init; }

    public PairingOptions Pairing { get; init; } = PairingOptions.Default;

    public FitOptions Fit { get; init; } = FitOptions.Default;

    public GradeScale GradeScale { get; init; } = GradeScale.Eng5NpLegacy9Step;

    public GradingOptions Grading { get; init; } = GradingOptions.Default;

    /// <summary><c>SPLIT_HALF_SPLITS</c>: halvings for split-half reliability at finalisation (default 100; 0 skips it).</summary>
    public int SplitHalfSplits { get; init; } = 100;

    public TimeSpan ComparisonTimeout => TimeSpan.FromSeconds(
        ComparisonTimeoutSeconds ?? (BatchingMode == BatchingMode.ProviderBatchApi ? 86_400 : 900));

    /// <summary>The budget cap for n essays: the setting or the per-essay default, lowered by the request's cap when &gt; 0.</summary>
    public int CapFor(int essays, int? requestMaxComparisons)
    {
        var cap = MaxPairwiseComparisons ?? (int)Math.Ceiling(DefaultComparisonsPerEssay * essays / 2.0);
        return requestMaxComparisons is > 0 ? Math.Min(cap, requestMaxComparisons.Value) : cap;
    }

    /// <summary>Wave size W after the first wave.</summary>
    public int WaveSizeFor(int essays) =>
        ComparisonsPerStabilityCheckIteration > 0 ? ComparisonsPerStabilityCheckIteration : Math.Max(2, (essays + 1) / 2);
}
