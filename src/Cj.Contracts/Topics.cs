namespace Cj.Contracts;

/// <summary>Topic names; each is also the <c>event_type</c> of every event published on it.</summary>
public static class Topics
{
    public const string AssessmentRequested = "huleedu.els.cj_assessment.requested.v1";
    public const string ComparisonResult = "huleedu.llm_provider.comparison_result.v1";
    public const string AssessmentCompleted = "huleedu.cj_assessment.completed.v1";
    public const string AssessmentFailed = "huleedu.cj_assessment.failed.v1";
    public const string AssessmentResultPublished = "huleedu.assessment.result.published.v1";
    public const string ResourceConsumption = "huleedu.resource.consumption.v1";

    /// <summary>The <c>event_name</c> of a topic: the topic without <c>huleedu.</c> and <c>.v1</c>.</summary>
    public static string EventNameOf(string topic) =>
        topic["huleedu.".Length..^".v1".Length];
}
