using Cj.LlmProvider.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Cj.LlmProvider.Tests.Service;

public sealed class QueueTests
{
    private static readonly DateTimeOffset Start = TimeProvider.System.GetUtcNow();

    /// <summary>A service on a frozen clock whose mock takes 100 s, so one call holds the only slot until the test advances time.</summary>
    private static async Task<(TestService Service, ManualTimeProvider Clock)> SlowServiceAsync(Func<LlmProviderOptions, LlmProviderOptions>? more = null)
    {
        var clock = new ManualTimeProvider(Start);
        var options = TestService.NewOptions(o => o with { MaxConcurrency = 1, MockLatencyMs = 100_000 });
        return (await TestService.StartAsync(more is null ? options : more(options), clock, ownsFolder: true), clock);
    }

    /// <summary>Waits until the call now in flight started its 100 s latency timer, so advancing the clock finishes it.</summary>
    private static Task CallStartedAsync(ManualTimeProvider clock) =>
        Wait.UntilAsync(() => clock.HasTimerDueIn(TimeSpan.FromSeconds(100)), "the mock call to start waiting");

    [Fact]
    public async Task A_request_that_waits_past_its_ttl_gets_exactly_one_queue_expired_callback()
    {
        var (service, clock) = await SlowServiceAsync();
        await using var _ = service;
        var blocker = await service.AcceptAsync(Requests.Body("ttl:blocker"));
        await CallStartedAsync(clock);
        var waiting = await service.AcceptAsync(Requests.Body("ttl:waiting", essayA: "Another first essay.", ttlSeconds: 60));

        clock.Advance(TimeSpan.FromSeconds(61));
        var expired = (await service.CallbacksAsync(1)).Single("ttl:waiting");

        Assert.Equal(waiting.QueueId, expired.RequestId);
        Assert.Null(expired.Winner);
        Assert.Equal("QUEUE_EXPIRED", expired.ErrorDetail!.ErrorCode);
        Assert.Equal(0, expired.ErrorDetail.Details.Attempts);
        ServiceExtensions.AssertInvariant(expired);
        Assert.Equal("expired", (await service.StatusAsync(waiting.QueueId)).GetProperty("status").GetString());
        Assert.Equal(1, await service.MetricAsync("llm_provider_queue_expiry_total{expiry_reason=\"ttl_exceeded\",provider=\"mock\",queue_processing_mode=\"per_request\"}"));

        clock.Advance(TimeSpan.FromSeconds(39));
        var done = (await service.CallbacksAsync(2)).Single("ttl:blocker");
        Assert.Equal(blocker.QueueId, done.RequestId);
        Assert.NotNull(done.Winner);
        Assert.Equal(100_000, done.ResponseTimeMs);
        Assert.Equal(2, service.Callbacks.Count);
    }

    [Fact]
    public async Task A_leased_request_of_a_killed_process_is_completed_exactly_once_after_restart()
    {
        var (first, _) = await SlowServiceAsync();
        var accepted = await first.AcceptAsync(Requests.Body("kill:1"));
        await first.WaitForStatusAsync(accepted.QueueId, "processing");

        // The database as a process killed mid-call leaves it: the leg leased, no result, nothing in the outbox.
        var folder = Directory.CreateTempSubdirectory("cj-llm-restart-").FullName;
        var copy = Path.Combine(folder, "llm_provider.db");
        using (var source = new SqliteConnection($"Data Source={first.Options.DatabasePath}"))
        using (var target = new SqliteConnection($"Data Source={copy}"))
        {
            source.Open();
            target.Open();
            source.BackupDatabase(target);
        }

        await first.DisposeAsync();
        Assert.Empty(first.Callbacks);

        await using var second = await TestService.StartAsync(TestService.NewOptions() with { DatabasePath = copy }, TimeProvider.System, ownsFolder: true);
        var result = (await second.CallbacksAsync(1)).Single("kill:1");
        await Wait.UntilAsync(() => second.Internals().Store.Status(accepted.QueueId)!.CallbackPublished, "the callback to be published");

        Assert.Single(second.Callbacks);
        Assert.Equal(accepted.QueueId, result.RequestId);
        Assert.NotNull(result.Winner);
        // The interrupted attempt is repeated under its own number (same offline draw); the possible second call is counted.
        Assert.Equal(1, int.Parse(result.RequestMetadata["attempts"]!.ToString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1, await second.MetricAsync("llm_provider_possible_duplicate_calls_total{provider=\"mock\"}"));
    }

    [Fact]
    public async Task Only_the_first_crash_of_a_leg_is_forgiven_so_a_call_that_keeps_killing_its_process_runs_out_of_attempts()
    {
        var (first, _) = await SlowServiceAsync();
        var accepted = await first.AcceptAsync(Requests.Body("crash:twice"));
        await first.WaitForStatusAsync(accepted.QueueId, "processing");
        var afterFirst = Snapshot(first.Options.DatabasePath);
        await first.DisposeAsync();

        // The restarted process leases the leg again (attempt 1 repeated) and is killed mid-call once more.
        var secondClock = new ManualTimeProvider(Start);
        await using (var second = await TestService.StartAsync(
            TestService.NewOptions(o => o with { MaxConcurrency = 1, MockLatencyMs = 100_000 }) with { DatabasePath = afterFirst }, secondClock, ownsFolder: false))
        {
            await CallStartedAsync(secondClock);
            var afterSecond = Snapshot(afterFirst);
            await using var third = await TestService.StartAsync(TestService.NewOptions() with { DatabasePath = afterSecond }, TimeProvider.System, ownsFolder: true);
            var result = (await third.CallbacksAsync(1)).Single("crash:twice");
            Assert.Equal(2, int.Parse(result.RequestMetadata["attempts"]!.ToString()!, System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    /// <summary>A copy of the database as a process killed now leaves it.</summary>
    private static string Snapshot(string databasePath)
    {
        var folder = Directory.CreateTempSubdirectory("cj-llm-crash-").FullName;
        var copy = Path.Combine(folder, "llm_provider.db");
        using var source = new SqliteConnection($"Data Source={databasePath}");
        using var target = new SqliteConnection($"Data Source={copy}");
        source.Open();
        target.Open();
        source.BackupDatabase(target);
        return copy;
    }

    [Fact]
    public async Task A_full_queue_refuses_with_503_queue_full_and_retry_after_then_reopens_below_the_low_watermark()
    {
        var (service, clock) = await SlowServiceAsync(o => o with { QueueMaxSize = 3, QueueHighWatermark = 1.0, QueueLowWatermark = 0.34 });
        await using var _ = service;
        var admitted = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            admitted.Add((await service.AcceptAsync(Requests.Body($"full:{i}", essayA: $"Essay A number {i}."))).QueueId);
        }

        var (status, problem, response) = await service.PostForProblemAsync(Requests.Body("full:3", essayA: "One too many."));
        Assert.Equal(503, status);
        Assert.Equal("queue_full", problem!.Code);
        Assert.InRange(int.Parse(response.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        Assert.Equal(1, await service.MetricAsync("llm_requests_total{status=\"rejected\"}"));

        // One done leaves 2 of 3 (above the low watermark): still closed; two done leave 1: open again.
        await CallStartedAsync(clock);
        clock.Advance(TimeSpan.FromSeconds(100));
        await service.WaitForStatusAsync(admitted[0], "completed");
        Assert.Equal(503, (await service.PostForProblemAsync(Requests.Body("full:4", essayA: "Still too many."))).Status);
        await CallStartedAsync(clock);
        clock.Advance(TimeSpan.FromSeconds(100));
        await service.WaitForStatusAsync(admitted[1], "completed");
        await service.AcceptAsync(Requests.Body("full:5", essayA: "Room again."));
    }

    [Fact]
    public async Task Higher_priority_requests_are_dispatched_first()
    {
        var (service, clock) = await SlowServiceAsync();
        await using var _ = service;
        await service.AcceptAsync(Requests.Body("p:blocker"));
        await CallStartedAsync(clock);
        var low = await service.AcceptAsync(Requests.Body("p:low", essayA: "Low priority essay.", priority: 1));
        var high = await service.AcceptAsync(Requests.Body("p:high", essayA: "High priority essay.", priority: 9));

        Assert.Equal(1, (await service.StatusAsync(high.QueueId)).GetProperty("queue_position").GetInt32());
        Assert.Equal(2, (await service.StatusAsync(low.QueueId)).GetProperty("queue_position").GetInt32());
        Assert.Equal(409, (int)(await service.Http.GetAsync($"/api/v1/results/{low.QueueId}")).StatusCode);

        clock.Advance(TimeSpan.FromSeconds(100));
        await service.WaitForStatusAsync(high.QueueId, "processing");
        await CallStartedAsync(clock);
        Assert.Equal("queued", (await service.StatusAsync(low.QueueId)).GetProperty("status").GetString());
    }
}
