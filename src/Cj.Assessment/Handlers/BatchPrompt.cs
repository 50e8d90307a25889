using System.Text.Json;
using Cj.Contracts;
using Cj.Hosting.Json;

namespace Cj.Assessment.Handlers;

/// <summary>
/// The prompt parts fixed at batch creation (kept in <c>batches.prompt_json</c>, so a later edit of the
/// instructions cannot change a comparison's prompt between a send and a re-send): the static blocks (student
/// assignment prompt, assessment instructions, judge rubric), the footer instruction, the per-attempt ttl and the batching mode. Essays are added per attempt.
/// </summary>
internal sealed record BatchPrompt(IReadOnlyList<PromptBlock> StaticBlocks, string Footer, int TtlSeconds, string BatchingMode)
{
    public const string DefaultFooter =
        "Compare Essay A and Essay B against the student assignment and the assessment criteria above, and decide which essay " +
        "better fulfils the requirements. Answer with the winner (\"Essay A\" or \"Essay B\"), your confidence from 1 to 5 " +
        "(5 = most certain) and a justification of at most 50 words.";

    public static BatchPrompt Create(string? studentPrompt, string? instructions, string? rubric, int ttlSeconds, string batchingMode)
    {
        var blocks = new List<PromptBlock>();
        Add(blocks, "Student assignment", studentPrompt);
        Add(blocks, "Assessment criteria", instructions);
        Add(blocks, "Judge rubric", rubric);
        return new BatchPrompt(blocks, DefaultFooter, ttlSeconds, batchingMode);
    }

    public string Serialize() => JsonSerializer.Serialize(this, WireJson.Options);

    public static BatchPrompt Parse(string json) =>
        JsonSerializer.Deserialize<BatchPrompt>(json, WireJson.Options) ?? throw new InvalidOperationException("stored prompt is null");

    private static void Add(List<PromptBlock> blocks, string heading, string? text)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            blocks.Add(new PromptBlock("static", $"## {heading}\n\n{text.Trim()}", Cacheable: true, Ttl: "5m"));
        }
    }
}
