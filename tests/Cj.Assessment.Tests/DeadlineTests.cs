using System.Net;
using Cj.Assessment.Tests.Support;
using Cj.Core.Workflow;

namespace Cj.Assessment.Tests;

public sealed class DeadlineTests
{
    [Fact]
    public async Task A_silent_provider_fails_the_batch_after_one_comparison_timeout()
    {
        var time = new ShiftedTime(TimeSpan.Zero);
        await using var stack = await AssessmentStack.StartAsync(time: time);
        var seeded = await Scenario.SeedAsync(stack, students: 8);
        stack.Llm.Holding = true;
        var batchId = Guid.NewGuid();
        await Scenario.PublishAsync(stack, Scenario.Request(batchId, seeded.AssignmentId, seeded.Students, seeded.PromptStorageId));
        await Wait.UntilAsync(
            async () => stack.Llm.AcceptedCount > 0 && (await stack.StatusAsync(batchId))?.Comparisons.Requested == stack.Llm.AcceptedCount,
            "the first wave to be sent");
        Assert.Empty(stack.Events.Failed(batchId));

        time.Advance(TimeSpan.FromSeconds(901));

        await stack.Events.WaitForOutcomeAsync(batchId, TimeSpan.FromSeconds(10));
        var failed = Assert.Single(stack.Events.Failed(batchId)).Data;
        Assert.Equal(StopReasons.LowSuccessRate, failed.FailureReason);

        // What the failed batch had spent is still reported to accounting: every request recorded as accepted when it
        // failed (retries still in flight at that moment are not known yet).
        await Wait.UntilAsync(() => stack.Events.Consumption(batchId).Count > 0, "the resource consumption event");
        Assert.InRange(Assert.Single(stack.Events.Consumption(batchId)).Data.Quantity, 8, stack.Llm.AcceptedCount);
    }

    [Fact]
    public async Task A_batch_past_its_deadline_without_judgements_fails_with_deadline_reached()
    {
        var time = new ShiftedTime(TimeSpan.Zero);
        await using var stack = await AssessmentStack.StartAsync(o => o with { BatchTimeoutHours = 0.01 }, time);
        var seeded = await Scenario.SeedAsync(stack, students: 3);
        stack.Llm.Holding = true;
        var batchId = Guid.NewGuid();
        await Scenario.PublishAsync(stack, Scenario.Request(batchId, seeded.AssignmentId, seeded.Students, seeded.PromptStorageId));
        await Wait.UntilAsync(async () => (await stack.StatusAsync(batchId))?.State == "running" && stack.Llm.AcceptedCount > 0, "the batch to start");

        time.Advance(TimeSpan.FromSeconds(40));

        await stack.Events.WaitForOutcomeAsync(batchId, TimeSpan.FromSeconds(10));
        Assert.Equal(StopReasons.DeadlineReached, Assert.Single(stack.Events.Failed(batchId)).Data.FailureReason);
        var status = await stack.StatusAsync(batchId);
        Assert.Equal(("failed", "ERROR_PROCESSING", StopReasons.DeadlineReached), (status!.State, status.Status, status.StopReason));
    }

    [Fact]
    public async Task Health_and_metrics_are_served_without_auth()
    {
        await using var stack = await AssessmentStack.StartAsync();
        var seeded = await Scenario.SeedAsync(stack, students: 3);
        var batchId = Guid.NewGuid();
        await Scenario.PublishAsync(stack, Scenario.Request(batchId, seeded.AssignmentId, seeded.Students, seeded.PromptStorageId));
        await stack.Events.WaitForOutcomeAsync(batchId);

        using var ready = await stack.Http.GetAsync("healthz/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var metrics = "";
        await Wait.UntilAsync(
            async () =>
            {
                metrics = await stack.Http.GetStringAsync("metrics");
                var requests = metrics.Split('\n').SingleOrDefault(l => l.StartsWith("cj_llm_requests_total{batching_mode=\"per_request\"} ", StringComparison.Ordinal));
                return requests is not null && double.Parse(requests.Split(' ')[^1], System.Globalization.CultureInfo.InvariantCulture) == stack.Llm.AcceptedCount;
            },
            "cj_llm_requests_total to count every accepted request");
        Assert.Contains("cj_llm_batches_started_total{batching_mode=\"per_request\"} 1", metrics, StringComparison.Ordinal);
    }
}
