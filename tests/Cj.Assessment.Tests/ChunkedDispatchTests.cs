using Cj.Assessment.Tests.Support;

namespace Cj.Assessment.Tests;

/// <summary>Attempts travel to the provider in chunks (ADR 0008); each keeps its own outcome.</summary>
public sealed class ChunkedDispatchTests
{
    private static int Seq(string requestId) => int.Parse(requestId.Split(':')[^2], System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task In_a_chunk_only_the_refused_attempts_are_retried_or_failed_and_the_accepted_ones_are_sent_once()
    {
        await using var stack = await AssessmentStack.StartAsync();
        var seeded = await Scenario.SeedAsync(stack, students: 8);
        // First attempts: every third is refused once with 503 (retryable); every seventh is refused with 400 (final).
        stack.Llm.Refuse = (id, before) =>
            !id.EndsWith(":0", StringComparison.Ordinal) ? null
            : Seq(id) % 7 == 3 ? 400
            : Seq(id) % 3 == 0 && before == 0 ? 503
            : null;
        var batchId = Guid.NewGuid();
        await Scenario.PublishAsync(stack, Scenario.Request(batchId, seeded.AssignmentId, seeded.Students, seeded.PromptStorageId));

        await stack.Events.WaitForOutcomeAsync(batchId);
        var completed = Assert.Single(stack.Events.Completed(batchId)).Data;
        var posts = stack.Llm.Posts.Where(p => p.EndsWith(":0", StringComparison.Ordinal)).GroupBy(p => p).ToDictionary(g => g.Key, g => g.Count());
        var unavailable = posts.Keys.Where(id => Seq(id) % 3 == 0 && Seq(id) % 7 != 3).ToArray();
        var refused = posts.Keys.Where(id => Seq(id) % 7 == 3).ToArray();
        Assert.NotEmpty(unavailable);
        Assert.NotEmpty(refused);
        Assert.All(unavailable, id => Assert.Equal(2, posts[id]));
        Assert.All(refused, id => Assert.Equal(1, posts[id]));
        Assert.All(posts.Keys.Except(unavailable).Except(refused), id => Assert.Equal(1, posts[id]));
        Assert.Equal(refused.Length, completed.Comparisons.Failed);
        Assert.Equal(completed.Comparisons.Requested - refused.Length, stack.Llm.AcceptedCount);
        Assert.InRange(stack.Llm.BatchPosts, 2, stack.Llm.Posts.Count - 1);
    }

    [Fact]
    public async Task A_chunk_the_provider_finds_too_large_is_halved_until_it_fits()
    {
        await using var stack = await AssessmentStack.StartAsync();
        stack.Llm.MaxBatchItems = 3;
        var seeded = await Scenario.SeedAsync(stack, students: 8);
        var batchId = Guid.NewGuid();
        await Scenario.PublishAsync(stack, Scenario.Request(batchId, seeded.AssignmentId, seeded.Students, seeded.PromptStorageId));

        await stack.Events.WaitForOutcomeAsync(batchId);
        var completed = Assert.Single(stack.Events.Completed(batchId)).Data;
        Assert.Equal(0, completed.Comparisons.Failed);
        Assert.Equal(completed.Comparisons.Requested, stack.Llm.AcceptedCount);
        Assert.Equal(stack.Llm.AcceptedCount, stack.Llm.Posts.Count); // nothing admitted twice
        Assert.True(stack.Llm.BatchPosts > completed.Comparisons.Requested / 3, $"{stack.Llm.BatchPosts} batch calls");
    }
}
