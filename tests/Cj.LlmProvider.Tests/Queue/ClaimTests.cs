using Cj.LlmProvider.Providers;
using Cj.LlmProvider.Queue;
using Cj.LlmProvider.Tests.Support;

namespace Cj.LlmProvider.Tests.Queue;

/// <summary>
/// A claim gives each leg its request's body: the one kept in memory since admission when there is one, else the stored
/// one (a restart, a leg re-queued for a retry). Either way it is the body that was admitted.
/// </summary>
public sealed class ClaimTests : IDisposable
{
    private readonly QueueDatabase queue = new();

    [Fact]
    public async Task A_claim_takes_the_admitted_body_from_memory_and_after_a_restart_from_the_store()
    {
        using (var store = queue.Open())
        {
            await AdmitAsync(store, "q-1");
            Assert.Equal(AdmissionStatus.Duplicate, (await AdmitAsync(store, "q-1", "q-dup")).Status);
            Assert.Equal(1, store.KeptBodies);
            AssertBody(Assert.Single(await ClaimAsync(store)), "q-1");
            Assert.Equal(0, store.KeptBodies);
            await AdmitAsync(store, "q-2");
        }

        using var restarted = queue.Open();
        Assert.Equal(0, restarted.KeptBodies);
        AssertBody(Assert.Single(await ClaimAsync(restarted)), "q-2");
    }

    [Fact]
    public async Task A_leg_queued_again_for_a_retry_is_claimed_with_its_stored_body()
    {
        using var store = queue.Open();
        await AdmitAsync(store, "q-1");
        var first = Assert.Single(await ClaimAsync(store));
        var retry = new AttemptRecord(ProviderUsage.None, TimeSpan.FromMilliseconds(5), "RATE_LIMITED", false, DateTimeOffset.UtcNow.AddSeconds(-1), null);

        Assert.Null(await store.RecordAsync(first, "owner", retry, CancellationToken.None));

        var second = Assert.Single(await ClaimAsync(store));
        AssertBody(second, "q-1");
        Assert.Equal(2, second.Attempts);
    }

    public void Dispose() => queue.Dispose();

    private static Task<Admission> AdmitAsync(QueueStore store, string correlationId, string? queueId = null) =>
        store.AdmitAsync(QueueDatabase.Request(queueId ?? correlationId, correlationId), CancellationToken.None);

    private static Task<IReadOnlyList<QueueRow>> ClaimAsync(QueueStore store) => store.ClaimAsync("owner", 10, TimeSpan.FromMinutes(5), CancellationToken.None);

    private static void AssertBody(QueueRow row, string queueId)
    {
        Assert.Equal(queueId, row.QueueId);
        Assert.Equal(QueueDatabase.Json, row.CanonicalRequest);
        Assert.Equal(QueueDatabase.Metadata, row.Metadata);
    }
}
