using Cj.LlmProvider.Prompting;
using Cj.LlmProvider.Providers;
using Cj.LlmProvider.Tests.Support;

namespace Cj.LlmProvider.Tests.Providers;

public sealed class ReplayProviderTests : IDisposable
{
    private const string Jsonl = """
        {"essay_a_id":"e1","essay_b_id":"e2","essay_a_storage_id":"s1","essay_b_storage_id":"s2","winner":"Essay B","confidence":4.5,"justification":"Recorded reason.","provider":"anthropic","model":"claude-haiku-4-5","cost_usd":0.0012}
        {"essay_a_id":"e3","essay_b_id":"e4","winner_id":"e3","confidence":2}

        {"essay_a_id":"e5","essay_b_id":"e6","winner":"Essay A","confidence":3}
        {"essay_a_id":"e5","essay_b_id":"e6","winner":"Essay B","confidence":3}
        """;

    private readonly TempFiles files = new();

    public void Dispose() => files.Dispose();

    private ReplayProvider Replay(string name, string content, bool allowReversed = true) =>
        new(new LlmProviderOptions { ReplayAllowReversed = allowReversed }, ReplayBook.Load(files.Write(name, content)));

    private static async Task<(ProviderAnswer Answer, Verdict? Verdict)> Ask(ReplayProvider replay, EssayRefs essays, int occurrence = 0)
    {
        var answer = await replay.CallAsync(Calls.Make(essays: essays, occurrence: occurrence), default);
        return (answer, VerdictValidator.Validate(answer.Content).Verdict);
    }

    [Fact]
    public async Task A_recorded_pair_returns_its_verdict_model_and_source()
    {
        var (answer, verdict) = await Ask(Replay("r.jsonl", Jsonl), new EssayRefs("e1", "e2", "s1", "s2"));

        Assert.Equal("Essay B", verdict!.Winner);
        Assert.Equal(4.5, verdict.Confidence);
        Assert.Equal("Recorded reason.", verdict.Justification);
        Assert.Equal("claude-haiku-4-5", answer.Model);
        Assert.Equal(0.0012m, answer.Metadata!["recorded_cost_usd"]);
        var source = Assert.IsType<Dictionary<string, object?>>(answer.Metadata["replay_source"]);
        Assert.Equal(1, source["line"]);
        Assert.Equal(64, ((string)source["file_sha256"]!).Length);
    }

    [Fact]
    public async Task Storage_ids_match_before_essay_ids_and_a_reversed_pair_flips_the_winner()
    {
        var replay = Replay("r.jsonl", Jsonl);

        Assert.Equal("Essay B", (await Ask(replay, new EssayRefs("zz", "yy", "s1", "s2"))).Verdict!.Winner);
        Assert.Equal("Essay A", (await Ask(replay, new EssayRefs("e2", "e1", null, null))).Verdict!.Winner);
        Assert.Equal("Essay A", (await Ask(replay, new EssayRefs("e3", "e4", null, null))).Verdict!.Winner);
        var reversed = await Ask(replay, new EssayRefs("e4", "e3", null, null));
        Assert.Equal("Essay B", reversed.Verdict!.Winner);
        Assert.Equal(true, reversed.Answer.Metadata!["replay_reversed"]);
    }

    [Fact]
    public async Task Occurrence_k_of_a_pair_with_n_records_gets_record_k_mod_n()
    {
        var replay = Replay("r.jsonl", Jsonl);
        var winners = new List<string>();
        for (var k = 0; k < 4; k++)
        {
            winners.Add((await Ask(replay, new EssayRefs("e5", "e6", null, null), k)).Verdict!.Winner);
        }

        Assert.Equal(["Essay A", "Essay B", "Essay A", "Essay B"], winners);
    }

    [Fact]
    public async Task A_pair_without_a_record_is_a_replay_miss()
    {
        var replay = Replay("r.jsonl", Jsonl, allowReversed: false);

        Assert.Equal("REPLAY_MISS", (await Ask(replay, new EssayRefs("e1", "e9", null, null))).Answer.ErrorCode);
        Assert.Equal("REPLAY_MISS", (await Ask(replay, new EssayRefs("e2", "e1", null, null))).Answer.ErrorCode);
    }

    [Fact]
    public async Task A_csv_file_with_winner_ids_replays_too()
    {
        var replay = Replay("r.csv", "essay_a_id,essay_b_id,winner_id,confidence,justification\ne1,e2,e2,4,\"Clear, well argued.\"\ne3,e4,e3,,\n");

        var first = (await Ask(replay, new EssayRefs("e1", "e2", null, null))).Verdict!;
        var second = (await Ask(replay, new EssayRefs("e4", "e3", null, null))).Verdict!;

        Assert.Equal(("Essay B", 4.0, "Clear, well argued."), (first.Winner, first.Confidence, first.Justification));
        Assert.Equal(("Essay B", ReplayProvider.DefaultConfidence), (second.Winner, second.Confidence));
    }

    [Theory]
    [InlineData("r.jsonl", "{\"essay_a_id\":\"a\",\"essay_b_id\":\"b\",\"winner\":\"Essay C\"}")]
    [InlineData("r.jsonl", "not json")]
    [InlineData("r.csv", "essay_a_id,essay_b_id,winner_id\na,b,c\n")]
    public void A_bad_record_fails_at_load(string name, string content) =>
        Assert.Throws<InvalidDataException>(() => ReplayBook.Load(files.Write(name, content)));
}
