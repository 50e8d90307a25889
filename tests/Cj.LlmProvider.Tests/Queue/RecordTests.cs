using System.Text.Json;
using Cj.LlmProvider.Prompting;
using Cj.LlmProvider.Providers;
using Cj.LlmProvider.Queue;
using Cj.LlmProvider.Tests.Support;

namespace Cj.LlmProvider.Tests.Queue;

/// <summary>
/// A terminal attempt's result is built before the store's writer takes it, from the claimed row plus the attempt.
/// These tests pin that the stored result, the callback and the returned result carry the store's totals either way.
/// </summary>
public sealed class RecordTests : IDisposable
{
    private readonly QueueDatabase queue = new();
    private readonly QueueStore store;

    public RecordTests() => store = queue.Open();

    [Fact]
    public async Task A_finished_leg_publishes_the_claimed_usage_plus_its_attempt()
    {
        var row = await ClaimAsync("q-1", "c-1");

        var finished = await store.RecordAsync(row, "owner", Success(new ProviderUsage(100, 20, 5, 0, 0), 40), CancellationToken.None);

        Assert.NotNull(finished);
        Assert.Equal((100, 20, 5, 40L), (finished.Result.TokenUsage.PromptTokens, finished.Result.TokenUsage.CompletionTokens, finished.Result.TokenUsage.CacheReadTokens, finished.Result.ResponseTimeMs));
        Assert.Equal("Essay A", finished.Result.Winner);
        AssertStoredAndPublished("q-1", 100);
    }

    [Fact]
    public async Task A_claimed_row_that_disagrees_with_the_store_does_not_leak_into_the_result()
    {
        var row = await ClaimAsync("q-2", "c-2");
        row.PromptTokens += 7; // as if the in-memory row had drifted from the store

        var finished = await store.RecordAsync(row, "owner", Success(new ProviderUsage(100, 20, 0, 0, 0), 40), CancellationToken.None);

        Assert.NotNull(finished);
        Assert.Equal(100, finished.Result.TokenUsage.PromptTokens);
        AssertStoredAndPublished("q-2", 100);
    }

    public void Dispose()
    {
        store.Dispose();
        queue.Dispose();
    }

    private static AttemptRecord Success(ProviderUsage usage, int milliseconds) =>
        new(usage, TimeSpan.FromMilliseconds(milliseconds), null, false, null, new TerminalOutcome(new Verdict("Essay A", "Clearer.", 4, false), null, null, 200));

    private async Task<QueueRow> ClaimAsync(string queueId, string correlationId)
    {
        var admitted = await store.AdmitAsync(QueueDatabase.Request(queueId, correlationId), CancellationToken.None);
        Assert.Equal(AdmissionStatus.Accepted, admitted.Status);
        return Assert.Single(await store.ClaimAsync("owner", 10, TimeSpan.FromMinutes(5), CancellationToken.None));
    }

    /// <summary>The stored result and the outbox callback both say <paramref name="promptTokens"/>.</summary>
    private void AssertStoredAndPublished(string queueId, int promptTokens)
    {
        var (found, resultJson) = store.Result(queueId);
        Assert.True(found);
        using var stored = JsonDocument.Parse(resultJson!);
        Assert.Equal(promptTokens, stored.RootElement.GetProperty("token_usage").GetProperty("prompt_tokens").GetInt32());
        using var connection = queue.Database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT payload FROM outbox ORDER BY id DESC LIMIT 1";
        using var published = JsonDocument.Parse((byte[])command.ExecuteScalar()!);
        var data = published.RootElement.GetProperty("data");
        Assert.Equal(queueId, data.GetProperty("request_id").GetString());
        Assert.Equal(promptTokens, data.GetProperty("token_usage").GetProperty("prompt_tokens").GetInt32());
    }
}
