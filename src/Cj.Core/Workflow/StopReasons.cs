namespace Cj.Core.Workflow;

/// <summary>Why a batch ended: the wire strings of the engine design §7 and their legacy statuses.</summary>
public static class StopReasons
{
    public const string Stable = "stable";
    public const string TargetMaxSe = "target_max_se";
    public const string TargetGradeCertainty = "target_grade_certainty";
    public const string TargetReliability = "target_reliability";
    public const string BudgetExhausted = "budget_exhausted";
    public const string PairsExhausted = "pairs_exhausted";
    public const string InsufficientEssays = "insufficient_essays";
    public const string DeadlineReached = "deadline_reached";
    public const string LowSuccessRate = "low_success_rate";
    public const string NoSuccessfulComparisons = "no_successful_comparisons";
    public const string Cancelled = "cancelled";

    /// <summary>The original system's batch status for a completed batch's reason.</summary>
    public static string LegacyStatus(string reason) => reason switch
    {
        Stable or TargetMaxSe or TargetGradeCertainty or TargetReliability => "COMPLETE_STABLE",
        BudgetExhausted or PairsExhausted => "COMPLETE_MAX_COMPARISONS",
        InsufficientEssays => "COMPLETE_INSUFFICIENT_ESSAYS",
        DeadlineReached => "COMPLETE_FORCED_RECOVERY",
        _ => "ERROR_PROCESSING",
    };
}
