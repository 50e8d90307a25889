using Cj.Assessment.Tests.Support;

namespace Cj.Assessment.Tests;

public sealed class RestartTests
{
    [Fact]
    public async Task A_batch_interrupted_mid_wave_completes_after_a_restart_without_requesting_any_comparison_twice()
    {
        await using var stack = await AssessmentStack.StartAsync();
        var seeded = await Scenario.SeedAsync(stack, students: 8);
        stack.Llm.Holding = true;
        var batchId = Guid.NewGuid();
        await Scenario.PublishAsync(stack, Scenario.Request(batchId, seeded.AssignmentId, seeded.Students, seeded.PromptStorageId));

        // Let three callbacks of the first wave through, keep the rest in flight, then stop the service.
        await Wait.UntilAsync(
            async () => stack.Llm.HeldCount > 3 && (await stack.StatusAsync(batchId))?.Comparisons.Requested == stack.Llm.AcceptedCount,
            "the first wave to be requested");
        await stack.Llm.ReleaseAsync(held => held.Take(3));
        await Wait.UntilAsync(async () => (await stack.StatusAsync(batchId))?.Comparisons.Succeeded == 3, "three judgements");
        var inFlight = stack.Llm.AcceptedCount - 3;
        Assert.True(inFlight > 0);
        await stack.RestartAsync();

        // The new service re-sends every pending attempt with its original id; the provider dedupes them.
        await Wait.UntilAsync(() => stack.Llm.Posts.Count >= stack.Llm.AcceptedCount + inFlight, "the pending attempts to be re-sent");
        stack.Llm.Holding = false;
        await stack.Llm.ReleaseAsync();

        await stack.Events.WaitForOutcomeAsync(batchId);
        var completed = Assert.Single(stack.Events.Completed(batchId)).Data;
        Assert.Single(stack.Events.Results(batchId));
        Assert.Equal(completed.Comparisons.Succeeded, completed.Comparisons.Requested);
        var published = stack.Llm.Published.Select(e => e.CorrelationId).ToArray();
        Assert.Equal(published.Length, published.Distinct().Count());
        Assert.All(published, id => Assert.EndsWith(":0", id, StringComparison.Ordinal));
        Assert.Equal(completed.Comparisons.Requested, stack.Llm.AcceptedCount);
    }
}
