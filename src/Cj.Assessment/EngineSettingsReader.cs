using Cj.Core.Grading;
using Cj.Core.Pairing;
using Cj.Core.Scoring;
using Cj.Core.Workflow;
using static Cj.Assessment.OptionsEnvironment;

namespace Cj.Assessment;

/// <summary>The engine settings of <c>20-cj-engine.md</c> §7 from their env names (prefix stripped by the caller).</summary>
internal static class EngineSettingsReader
{
    private static readonly string[] Ignored = ["MIN_RESAMPLING_NET_SIZE", "MAX_RESAMPLING_PASSES_SMALL", "MAX_RESAMPLING_PASSES_LARGE", "MAX_RESAMPLING_PASSES", "PAIR_ORIENTATION_STRATEGY"];

    private static readonly Dictionary<string, BatchingMode> BatchingModes = new(StringComparer.Ordinal)
    {
        ["per_request"] = BatchingMode.PerRequest,
        ["serial_bundle"] = BatchingMode.SerialBundle,
        ["provider_batch_api"] = BatchingMode.ProviderBatchApi,
    };

    private static readonly Dictionary<string, PairMatchingStrategy> Strategies = new(StringComparer.Ordinal)
    {
        ["adaptive"] = PairMatchingStrategy.Adaptive,
        ["random"] = PairMatchingStrategy.Random,
        ["original"] = PairMatchingStrategy.Original,
        ["optimal_graph"] = PairMatchingStrategy.Original,
    };

    private static readonly Dictionary<string, BtMethod> Methods = new(StringComparer.Ordinal) { ["map"] = BtMethod.Map, ["sirt"] = BtMethod.Sirt, ["ilsr"] = BtMethod.Ilsr };

    private static readonly Dictionary<string, PositionEffectMode> PositionModes = new(StringComparer.Ordinal) { ["estimate"] = PositionEffectMode.Estimate, ["off"] = PositionEffectMode.Off };

    private static readonly Dictionary<string, AnchorLocation> Locations = new(StringComparer.Ordinal) { ["median"] = AnchorLocation.Median, ["mean"] = AnchorLocation.Mean };

    private static readonly Dictionary<string, BoundaryUncertainty> Uncertainties = new(StringComparer.Ordinal) { ["pooled"] = BoundaryUncertainty.Pooled, ["none"] = BoundaryUncertainty.None };

    /// <summary>The batching mode named by a wire string (<c>per_request</c>, <c>serial_bundle</c>, <c>provider_batch_api</c>), or null.</summary>
    public static BatchingMode? BatchingModeOf(string? name) =>
        name is not null && BatchingModes.TryGetValue(name.Trim().ToLowerInvariant(), out var mode) ? mode : null;

    public static (EngineSettings Settings, IReadOnlyList<string> Warnings) Read(Func<string, string?> get)
    {
        var d = EngineSettings.Default;
        var pairing = d.Pairing with
        {
            Strategy = Choice(get, "PAIR_MATCHING_STRATEGY", Strategies) ?? d.Pairing.Strategy,
            ExplorationShare = Number(get, "PAIRING_EXPLORATION_SHARE") ?? d.Pairing.ExplorationShare,
            SwapReaskShare = Number(get, "SWAP_REASK_SHARE") ?? d.Pairing.SwapReaskShare,
            MaxAsksPerPair = Integer(get, "MAX_ASKS_PER_PAIR") ?? d.Pairing.MaxAsksPerPair,
            AnchorBracketBonus = Number(get, "ANCHOR_BRACKET_BONUS") ?? d.Pairing.AnchorBracketBonus,
            MatchingWeightComparisonCount = Number(get, "MATCHING_WEIGHT_COMPARISON_COUNT") ?? d.Pairing.MatchingWeightComparisonCount,
            MatchingWeightBtProximity = Number(get, "MATCHING_WEIGHT_BT_PROXIMITY") ?? d.Pairing.MatchingWeightBtProximity,
            PriorSd = Number(get, "BT_PRIOR_SD") ?? d.Pairing.PriorSd,
        };
        var fit = d.Fit with
        {
            Method = Choice(get, "BT_METHOD", Methods) ?? d.Fit.Method,
            PriorSd = Number(get, "BT_PRIOR_SD") ?? d.Fit.PriorSd,
            PositionEffect = Choice(get, "BT_POSITION_EFFECT", PositionModes) ?? d.Fit.PositionEffect,
            PositionPriorSd = Number(get, "BT_POSITION_PRIOR_SD") ?? d.Fit.PositionPriorSd,
            DenseCovarianceLimit = Integer(get, "BT_DENSE_COVARIANCE_LIMIT") ?? d.Fit.DenseCovarianceLimit,
        };
        var grading = d.Grading with
        {
            AnchorLocation = Choice(get, "GRADE_ANCHOR_LOCATION", Locations) ?? d.Grading.AnchorLocation,
            BoundaryUncertainty = Choice(get, "GRADE_BOUNDARY_UNCERTAINTY", Uncertainties) ?? d.Grading.BoundaryUncertainty,
            MinAnchorSpan = Number(get, "MIN_ANCHOR_SPAN") ?? d.Grading.MinAnchorSpan,
        };
        var settings = d with
        {
            MaxPairwiseComparisons = Integer(get, "MAX_PAIRWISE_COMPARISONS"),
            DefaultComparisonsPerEssay = Integer(get, "DEFAULT_COMPARISONS_PER_ESSAY") ?? d.DefaultComparisonsPerEssay,
            ComparisonsPerStabilityCheckIteration = Integer(get, "COMPARISONS_PER_STABILITY_CHECK_ITERATION") ?? d.ComparisonsPerStabilityCheckIteration,
            MinComparisonsForStabilityCheck = Integer(get, "MIN_COMPARISONS_FOR_STABILITY_CHECK") ?? d.MinComparisonsForStabilityCheck,
            ScoreStabilityThreshold = Number(get, "SCORE_STABILITY_THRESHOLD") ?? d.ScoreStabilityThreshold,
            TargetMaxSe = Number(get, "TARGET_MAX_SE") ?? d.TargetMaxSe,
            TargetGradeCertainty = Number(get, "TARGET_GRADE_CERTAINTY") ?? d.TargetGradeCertainty,
            TargetReliability = Number(get, "TARGET_RELIABILITY") ?? d.TargetReliability,
            MinSuccessRateThreshold = Number(get, "MIN_SUCCESS_RATE_THRESHOLD") ?? d.MinSuccessRateThreshold,
            AttemptFailureAbortShare = Number(get, "ATTEMPT_FAILURE_ABORT_SHARE") ?? d.AttemptFailureAbortShare,
            MinAttemptsForAbort = Integer(get, "MIN_ATTEMPTS_FOR_ABORT") ?? d.MinAttemptsForAbort,
            MaxRetryAttempts = Integer(get, "MAX_RETRY_ATTEMPTS") ?? d.MaxRetryAttempts,
            ComparisonTimeoutSeconds = Integer(get, "COMPARISON_TIMEOUT_SECONDS"),
            BatchingMode = Choice(get, "LLM_BATCHING_MODE", BatchingModes) ?? d.BatchingMode,
            PairGenerationSeed = UnsignedLong(get, "PAIR_GENERATION_SEED"),
            SplitHalfSplits = Integer(get, "SPLIT_HALF_SPLITS") ?? d.SplitHalfSplits,
            Pairing = pairing,
            Fit = fit,
            Grading = grading,
        };
        var warnings = Ignored.Where(name => get(name) is not null)
            .Select(name => $"{CjAssessmentOptions.Prefix}{name} is accepted and ignored: swap re-asks and MAX_ASKS_PER_PAIR replace it.")
            .ToArray();
        return (settings, warnings);
    }

    public static void Validate(EngineSettings s)
    {
        static void Check(bool ok, string name, string message) => CjAssessmentOptions.Require(ok, name, message);
        Check(s.MaxPairwiseComparisons is null or >= 2, "MAX_PAIRWISE_COMPARISONS", "must be at least 2");
        Check(s.DefaultComparisonsPerEssay >= 1, "DEFAULT_COMPARISONS_PER_ESSAY", "must be at least 1");
        Check(s.ComparisonsPerStabilityCheckIteration >= 0, "COMPARISONS_PER_STABILITY_CHECK_ITERATION", "must be 0 (auto) or positive");
        Check(s.MinComparisonsForStabilityCheck >= 0, "MIN_COMPARISONS_FOR_STABILITY_CHECK", "must not be negative");
        Check(s.ScoreStabilityThreshold >= 0, "SCORE_STABILITY_THRESHOLD", "must not be negative");
        Check(s.TargetMaxSe >= 0, "TARGET_MAX_SE", "must be 0 (off) or positive");
        Check(s.TargetGradeCertainty is >= 0 and <= 1, "TARGET_GRADE_CERTAINTY", "must be in [0, 1]");
        Check(s.TargetReliability is >= 0 and < 1, "TARGET_RELIABILITY", "must be in [0, 1)");
        Check(s.MinSuccessRateThreshold is >= 0 and <= 1, "MIN_SUCCESS_RATE_THRESHOLD", "must be in [0, 1]");
        Check(s.AttemptFailureAbortShare is > 0 and <= 1, "ATTEMPT_FAILURE_ABORT_SHARE", "must be in (0, 1]");
        Check(s.MinAttemptsForAbort >= 1, "MIN_ATTEMPTS_FOR_ABORT", "must be at least 1");
        Check(s.MaxRetryAttempts >= 0, "MAX_RETRY_ATTEMPTS", "must not be negative");
        Check(s.ComparisonTimeoutSeconds is null or (>= 60 and <= 604_800), "COMPARISON_TIMEOUT_SECONDS", "must be in 60..604800 (the provider's ttl range)");
        Check(s.Pairing.ExplorationShare is >= 0 and <= 1, "PAIRING_EXPLORATION_SHARE", "must be in [0, 1]");
        Check(s.Pairing.SwapReaskShare is >= 0 and <= 1, "SWAP_REASK_SHARE", "must be in [0, 1]");
        Check(s.Pairing.MaxAsksPerPair >= 1, "MAX_ASKS_PER_PAIR", "must be at least 1");
        Check(s.Fit.PriorSd is null or > 0, "BT_PRIOR_SD", "must be positive");
        Check(s.Fit.PositionPriorSd > 0, "BT_POSITION_PRIOR_SD", "must be positive");
        Check(s.Fit.DenseCovarianceLimit >= 0, "BT_DENSE_COVARIANCE_LIMIT", "must not be negative");
        Check(s.SplitHalfSplits >= 0, "SPLIT_HALF_SPLITS", "must not be negative");
        Check(s.Grading.MinAnchorSpan >= 0, "MIN_ANCHOR_SPAN", "must not be negative");
    }
}
