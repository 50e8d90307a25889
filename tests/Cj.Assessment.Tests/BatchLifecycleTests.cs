using Cj.Assessment.Tests.Support;
using Cj.Contracts;
using Cj.Core.Workflow;

namespace Cj.Assessment.Tests;

public sealed class BatchLifecycleTests
{
    [Fact]
    public async Task A_request_runs_to_completion_with_a_real_result_for_every_essay()
    {
        await using var stack = await AssessmentStack.StartAsync();
        var seeded = await Scenario.SeedAsync(stack, students: 8);
        var batchId = Guid.NewGuid();
        var request = Scenario.Request(batchId, seeded.AssignmentId, seeded.Students, seeded.PromptStorageId);
        await Scenario.PublishAsync(stack, request);
        await Scenario.PublishAsync(stack, request);
        await Scenario.PublishAsync(stack, request with { EventId = Guid.NewGuid() });

        await stack.Events.WaitForOutcomeAsync(batchId);
        Assert.Empty(stack.Events.Failed(batchId));
        var completed = Assert.Single(stack.Events.Completed(batchId));
        var result = Assert.Single(stack.Events.Results(batchId));
        foreach (var (type, source, correlation, batch) in new[] { Header(completed), Header(result) })
        {
            Assert.Equal(SourceServices.CjAssessment, source);
            Assert.Equal(request.CorrelationId, correlation);
            Assert.Equal(batchId, batch);
            Assert.StartsWith("huleedu.", type, StringComparison.Ordinal);
        }

        var summary = completed.Data;
        Assert.Equal("COMPLETED_SUCCESSFULLY", summary.Status);
        Assert.Equal(StopReasons.LegacyStatus(summary.StopReason), summary.BatchStatus);
        Assert.Equal(8, summary.ProcessingSummary.TotalEssays);
        Assert.True(summary.Comparisons.Succeeded >= 12);

        // Accounting: one consumption event, counting every request the provider accepted (a real count).
        await Wait.UntilAsync(() => stack.Events.Consumption(batchId).Count > 0, "the resource consumption event");
        var consumption = Assert.Single(stack.Events.Consumption(batchId)).Data;
        Assert.Equal(("cj_comparison", "cj_assessment_service", batchId.ToString("D")), (consumption.ResourceType, consumption.ServiceName, consumption.EntityId));
        Assert.Equal(summary.Comparisons.Requested, consumption.Quantity);
        Assert.Equal(request.Data.UserId, consumption.UserId);
        Assert.Equal(result.Data.AssessmentMetadata.CostUsd, consumption.CostUsd);

        var essays = result.Data.EssayResults;
        Assert.Equal(8 + Scenario.AnchorGrades.Length, essays.Count);
        Assert.All(essays, e => Assert.True(e.StandardError > 0, $"{e.EssayId} has SE {e.StandardError}"));
        Assert.Equal(summary.Comparisons.Succeeded * 2, essays.Sum(e => e.ComparisonCount));
        foreach (var student in essays.Where(e => !e.IsAnchor))
        {
            Assert.NotNull(student.GradeProbabilities);
            Assert.Equal(1.0, student.GradeProbabilities!.Values.Sum(), 9);
            Assert.Contains(student.LetterGrade, result.Data.GradeScaleLabels);
        }

        Assert.All(essays.Where(e => e.IsAnchor), a => Assert.Null(a.LetterGrade));
        Assert.Equal(seeded.AnchorEssayIds.Order(), essays.Where(e => e.IsAnchor).Select(e => e.EssayId).Order());
        var metadata = result.Data.AssessmentMetadata;
        Assert.Equal(summary.StopReason, metadata.StopReason);
        Assert.True(metadata.ProjectionsAvailable);
        Assert.NotNull(metadata.Reliability.Ssr);
        Assert.True(metadata.CostUsd > 0);
        Assert.Equal(("mock", "fake-judge-1"), (result.Data.ModelProvider, result.Data.ModelUsed));
        Assert.Empty(stack.Llm.PromptLeaks);
        Assert.Equal(stack.Llm.Posts.Count, stack.Llm.AcceptedCount);
        Assert.InRange(stack.Llm.BatchPosts, 1, stack.Llm.Posts.Count - 1); // attempts travel several to a call

        var status = await stack.StatusAsync(batchId);
        Assert.Equal(("completed", summary.BatchStatus, summary.StopReason), (status!.State, status.Status, status.StopReason));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(50)]
    public async Task A_provider_without_the_batch_route_or_a_batch_size_of_one_gets_every_attempt_on_the_single_route(int batchSize)
    {
        await using var stack = await AssessmentStack.StartAsync(o => o with { ProviderBatchSize = batchSize });
        stack.Llm.BatchRoute = false;
        var seeded = await Scenario.SeedAsync(stack, students: 6);
        var batchId = Guid.NewGuid();
        await Scenario.PublishAsync(stack, Scenario.Request(batchId, seeded.AssignmentId, seeded.Students, seeded.PromptStorageId));

        await stack.Events.WaitForOutcomeAsync(batchId);
        var completed = Assert.Single(stack.Events.Completed(batchId)).Data;
        Assert.Equal(completed.Comparisons.Requested, stack.Llm.AcceptedCount);
        Assert.Equal(stack.Llm.Posts.Count, stack.Llm.AcceptedCount);
        // Size 1 never tries the batch route; otherwise the first 404 switches the client to the single route for good.
        Assert.InRange(stack.Llm.BatchPosts, 0, batchSize == 1 ? 0 : stack.Options.ProviderHttpConcurrency);
    }

    [Theory]
    [InlineData("SERVER_ERROR")]
    [InlineData("CONTENT_REFUSED")]
    public async Task A_provider_that_always_errors_fails_the_batch_promptly(string errorCode)
    {
        await using var stack = await AssessmentStack.StartAsync();
        var seeded = await Scenario.SeedAsync(stack, students: 8);
        stack.Llm.ErrorCode = errorCode;
        var batchId = Guid.NewGuid();
        await Scenario.PublishAsync(stack, Scenario.Request(batchId, seeded.AssignmentId, seeded.Students, seeded.PromptStorageId));

        await stack.Events.WaitForOutcomeAsync(batchId, TimeSpan.FromSeconds(10));
        var failed = Assert.Single(stack.Events.Failed(batchId)).Data;
        Assert.Empty(stack.Events.Completed(batchId));
        Assert.Contains(failed.FailureReason, new[] { StopReasons.LowSuccessRate, StopReasons.NoSuccessfulComparisons });
        Assert.Equal(("FAILED_CRITICALLY", "ERROR_PROCESSING"), (failed.Status, failed.BatchStatus));
        Assert.Equal(0, failed.Comparisons.Succeeded);
        Assert.Equal(failed.FailureReason, failed.SystemMetadata.ErrorInfo!.Reason);
    }

    [Fact]
    public async Task A_provider_that_refuses_every_request_with_4xx_fails_the_batch_promptly()
    {
        await using var stack = await AssessmentStack.StartAsync();
        var seeded = await Scenario.SeedAsync(stack, students: 4);
        stack.Llm.HttpStatus = 400;
        var batchId = Guid.NewGuid();
        await Scenario.PublishAsync(stack, Scenario.Request(batchId, seeded.AssignmentId, seeded.Students, seeded.PromptStorageId));

        await stack.Events.WaitForOutcomeAsync(batchId, TimeSpan.FromSeconds(10));
        Assert.Single(stack.Events.Failed(batchId));
        Assert.DoesNotContain(stack.Llm.Posts, id => !id.EndsWith(":0", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Requests_that_cannot_become_a_batch_get_the_failure_event_with_their_reason()
    {
        await using var stack = await AssessmentStack.StartAsync();
        var seeded = await Scenario.SeedAsync(stack, students: 2);
        var missingText = new string('c', 64);
        var cases = new (string Reason, EventEnvelope<ElsCjAssessmentRequestV1> Request)[]
        {
            ("content_missing", Scenario.Request(Guid.NewGuid(), seeded.AssignmentId, [.. seeded.Students, new EssayForCj("STUDENT_X", missingText)], seeded.PromptStorageId)),
            ("unknown_assignment", Scenario.Request(Guid.NewGuid(), "no-such-assignment", seeded.Students, seeded.PromptStorageId)),
            ("invalid_request", Scenario.Request(Guid.NewGuid(), seeded.AssignmentId, [seeded.Students[0], seeded.Students[0]], seeded.PromptStorageId)),
            ("invalid_request", Scenario.Request(Guid.NewGuid(), seeded.AssignmentId, seeded.Students, seeded.PromptStorageId, new() { ["max_comparisons"] = 1 })),
        };
        foreach (var (_, request) in cases)
        {
            await Scenario.PublishAsync(stack, request);
        }

        foreach (var (reason, request) in cases)
        {
            await stack.Events.WaitForOutcomeAsync(request.BatchId);
            var failed = Assert.Single(stack.Events.Failed(request.BatchId));
            Assert.Equal(reason, failed.Data.FailureReason);
            Assert.Equal(request.CorrelationId, failed.CorrelationId);
            Assert.Equal(new ComparisonCounts(0, 0, 0), failed.Data.Comparisons);
            Assert.Equal("failed", (await stack.StatusAsync(request.BatchId))!.State);
        }

        Assert.Empty(stack.Llm.Posts);
    }

    [Fact]
    public async Task The_request_cap_lowers_the_budget_and_a_full_cap_run_ends_at_exactly_the_cap()
    {
        await using var stack = await AssessmentStack.StartAsync(o => o with { Engine = o.Engine with { MinComparisonsForStabilityCheck = 1000 } });
        var seeded = await Scenario.SeedAsync(stack, students: 6);
        var batchId = Guid.NewGuid();
        await Scenario.PublishAsync(stack, Scenario.Request(batchId, seeded.AssignmentId, seeded.Students, seeded.PromptStorageId, new() { ["max_comparisons"] = 20 }));

        await stack.Events.WaitForOutcomeAsync(batchId);
        var completed = Assert.Single(stack.Events.Completed(batchId)).Data;
        Assert.Equal(StopReasons.BudgetExhausted, completed.StopReason);
        Assert.Equal(20, completed.Comparisons.Succeeded);
        Assert.Equal(20, (await stack.StatusAsync(batchId))!.Comparisons.Budget);
    }

    [Fact]
    public async Task A_guest_request_with_one_essay_completes_at_once_with_insufficient_essays()
    {
        await using var stack = await AssessmentStack.StartAsync();
        var prompt = await stack.UploadAsync("Write about a place you remember.");
        var essay = new EssayForCj("GUEST_1", await stack.UploadAsync(Scenario.Text("guest")));
        var batchId = Guid.NewGuid();
        await Scenario.PublishAsync(stack, Scenario.Request(batchId, null, [essay], prompt));

        await stack.Events.WaitForOutcomeAsync(batchId);
        var completed = Assert.Single(stack.Events.Completed(batchId)).Data;
        Assert.Equal((StopReasons.InsufficientEssays, "COMPLETE_INSUFFICIENT_ESSAYS", true), (completed.StopReason, completed.BatchStatus, completed.ProcessingSummary.SingleEssayBatch));
        var result = Assert.Single(stack.Events.Results(batchId)).Data;
        Assert.Equal("eng5_np_legacy_9_step", result.GradeScale);
        Assert.Null(Assert.Single(result.EssayResults).LetterGrade);
        Assert.False(result.AssessmentMetadata.ProjectionsAvailable);
        Assert.Empty(stack.Llm.Posts);
    }

    private static (string, string, string, Guid) Header<T>(EventEnvelope<T> e) => (e.EventType, e.SourceService, e.CorrelationId, e.BatchId);
}
