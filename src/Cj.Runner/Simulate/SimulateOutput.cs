using System.Text.Json.Serialization;

namespace Cj.Runner.Simulate;

// The JSON of `simulate`, one object per policy (runner design, "simulate contract"); snake_case by JsonDefaults.
// Every contract field is here; the extra fields follow them. Grade fields appear only with --anchors.

/// <summary>One policy's results.</summary>
internal sealed record SimulateOutput(
    string Policy,
    string Judge,
    int Essays,
    int Anchors,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Grades,
    double Spread,
    int MaxPerEssay,
    int Runs,
    ulong Seed,
    [property: JsonPropertyName("comparisons_per_essay_for_spearman_0_90")] ThresholdOutput ComparisonsPerEssayForSpearman,
    [property: JsonPropertyName("comparisons_per_essay_for_true_reliability_0_90")] ThresholdOutput ComparisonsPerEssayForTrueReliability,
    DifferenceOutput SsrMinusTrueReliabilityAtStop,
    [property: JsonPropertyName("coverage_95")] MeanOutput Coverage95,
    StopOutput Stop,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] GradeOutput? GradeAgreement,
    [property: JsonPropertyName("comparisons_per_student_for_grade_certainty_0_90"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ThresholdOutput? ComparisonsPerStudentForGradeCertainty,
    AtCapOutput AtCap,
    IReadOnlyList<CheckpointOutput> Checkpoints);

/// <summary>Comparisons until a threshold was first reached: mean and median over the runs that reached it (null when none), and how many did.</summary>
internal sealed record ThresholdOutput(double? Mean, double? Median, int Reached);

internal sealed record MeanOutput(double? Mean);

internal sealed record DifferenceOutput(double? Mean, double? MeanAbsolute);

internal sealed record SsrOutput(
    double? Mean,
    double? P99,
    [property: JsonPropertyName("share_at_most_0_10")] double? ShareAtMost010);

internal sealed record EtaOutput(double? Mean, [property: JsonPropertyName("coverage_95")] double? Coverage95);

/// <summary>At the default stop: the first wave end at which the default stop rules fire, else the cap.</summary>
internal sealed record StopOutput(
    MeanOutput ComparisonsPerEssay,
    MeanOutput Spearman,
    MeanOutput TrueReliability,
    SsrOutput Ssr,
    IReadOnlyDictionary<string, int> Reasons,
    SsrOutput EbReliability,
    DifferenceOutput EbMinusTrueReliability);

/// <summary>Grade measures: means over runs of the shares and boundary RMSE; ECE over all runs' students pooled.</summary>
internal sealed record GradeOutput(
    double Exact,
    double Adjacent,
    double BoundaryRmse,
    double? Ece,
    [property: JsonPropertyName("share_p_modal_0_90")] double ShareCertain);

/// <summary>At the cap (the last wave end of the trajectory).</summary>
internal sealed record AtCapOutput(
    MeanOutput ComparisonsPerEssay,
    MeanOutput Spearman,
    MeanOutput TrueReliability,
    SsrOutput Ssr,
    DifferenceOutput SsrMinusTrueReliability,
    [property: JsonPropertyName("coverage_95")] MeanOutput Coverage95,
    EtaOutput Eta,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] GradeOutput? GradeAgreement,
    SsrOutput EbReliability,
    DifferenceOutput EbMinusTrueReliability);

/// <summary>Means over runs at the first wave end with at least this many comparisons per essay.</summary>
internal sealed record CheckpointOutput(
    int ComparisonsPerEssay,
    int Runs,
    double Spearman,
    double TrueReliability,
    double? Ssr,
    double? SsrMinusTrueReliability,
    [property: JsonPropertyName("coverage_95")] double Coverage95,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Exact,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Adjacent);
