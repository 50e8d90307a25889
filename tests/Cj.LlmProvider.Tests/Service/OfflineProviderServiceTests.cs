using Cj.LlmProvider.Tests.Support;

namespace Cj.LlmProvider.Tests.Service;

public sealed class OfflineProviderServiceTests : IDisposable
{
    private static readonly string[] StorageIdKeys = ["essay_a_storage_id", "essay_b_storage_id"];

    private readonly TempFiles files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public async Task The_simulated_judge_lets_the_strong_essay_win_most_comparisons_in_either_position()
    {
        var abilities = files.Write("abilities.csv", "essay_id,ability\nstrong-essay,2.5\nweak-essay,-2.5\n");
        await using var service = await TestService.StartAsync(o => o with { DefaultProvider = "simulated", SimulatedAbilitiesFile = abilities });
        const int N = 40;
        for (var i = 0; i < N; i++)
        {
            var strongFirst = i % 2 == 0;
            await service.AcceptAsync(Requests.Body(
                $"sim:{i}",
                essayAId: strongFirst ? "strong-essay" : "weak-essay",
                essayBId: strongFirst ? "weak-essay" : "strong-essay"));
        }

        var results = (await service.CallbacksAsync(N)).Select(c => c.Data).ToList();

        Assert.All(results, r => Assert.Equal(("simulated", "simulated-bt"), (r.Provider, r.Model)));
        var strongWins = results.Count(r => r.Winner == (r.RequestMetadata["essay_a_id"]!.ToString() == "strong-essay" ? "Essay A" : "Essay B"));
        Assert.InRange(strongWins, 36, 40);
    }

    [Fact]
    public async Task An_essay_the_simulated_judge_does_not_know_is_an_error_callback_without_retries()
    {
        var abilities = files.Write("abilities.csv", "essay_id,ability\nstrong-essay,1\n");
        await using var service = await TestService.StartAsync(o => o with { SimulatedAbilitiesFile = abilities });

        await service.AcceptAsync(Requests.Body("sim:unknown", overrides: new { provider_override = "simulated" }, essayAId: "strong-essay", essayBId: "stranger"));
        var result = (await service.CallbacksAsync(1)).Single("sim:unknown");

        Assert.Equal("SIMULATED_UNKNOWN_ESSAY", result.ErrorDetail!.ErrorCode);
        Assert.Equal(1, result.ErrorDetail.Details.Attempts);
        Assert.Equal("simulated", result.Provider);
    }

    [Fact]
    public async Task Replay_returns_recorded_verdicts_flips_reversed_pairs_and_reports_misses()
    {
        var replay = files.Write("judgements.jsonl", """
            {"essay_a_id":"student-0001","essay_b_id":"student-0002","winner":"Essay B","confidence":4,"justification":"B is clearer.","model":"claude-haiku-4-5","cost_usd":0.001}
            """);
        await using var service = await TestService.StartAsync(o => o with { DefaultProvider = "replay", ReplayFile = replay });

        await service.AcceptAsync(Requests.Body("rep:direct"));
        await service.AcceptAsync(Requests.Body("rep:reversed", essayAId: "student-0002", essayBId: "student-0001"));
        await service.AcceptAsync(Requests.Body("rep:miss", essayAId: "student-0001", essayBId: "student-0003"));
        var callbacks = await service.CallbacksAsync(3);

        var direct = callbacks.Single("rep:direct");
        Assert.Equal(("Essay B", 4.0, "B is clearer."), (direct.Winner, direct.Confidence!.Value, direct.Justification));
        Assert.Equal(("replay", "claude-haiku-4-5"), (direct.Provider, direct.Model));
        Assert.Equal("replay", direct.RequestMetadata["resolved_model"]!.ToString());
        Assert.Contains("file_sha256", direct.RequestMetadata["replay_source"]!.ToString(), StringComparison.Ordinal);
        Assert.Equal(0m, direct.CostEstimate);
        Assert.Equal("Essay A", callbacks.Single("rep:reversed").Winner);
        var miss = callbacks.Single("rep:miss");
        Assert.Equal(("REPLAY_MISS", 1), (miss.ErrorDetail!.ErrorCode, miss.ErrorDetail.Details.Attempts));
        Assert.Equal("replay", miss.Model);
    }

    [Fact]
    public async Task Prompts_sent_to_the_provider_never_contain_essay_ids_storage_ids_or_the_user()
    {
        await using var service = await TestService.StartAsync();
        var recorder = new RecordingProvider(service.Internals().Providers.Find("mock")!);
        service.Internals().Providers.Register(recorder);

        await service.AcceptAsync(Requests.Body("ids:1", essayAId: "ESSAY-ALPHA-77", essayBId: "essay_beta_88"));
        var result = (await service.CallbacksAsync(1)).Single("ids:1");

        var call = Assert.Single(recorder.Calls);
        var wire = call.Prompt.SystemPrompt + "\n" + call.Prompt.UserMessage;
        var storageIds = StorageIdKeys.Select(k => result.RequestMetadata[k]!.ToString()!);
        foreach (var forbidden in storageIds.Concat(["ESSAY-ALPHA-77", "essay_beta_88", "tester", Requests.BatchId.ToString(), "ids:1", result.RequestId]))
        {
            Assert.DoesNotContain(forbidden, wire, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains("**Essay A:**\nThe first essay", call.Prompt.UserMessage, StringComparison.Ordinal);
        Assert.Equal("ESSAY-ALPHA-77", result.RequestMetadata["essay_a_id"]!.ToString());
    }
}
