using Cj.LlmProvider.Prompting;

namespace Cj.LlmProvider.Providers;

/// <summary>
/// The caller's essay references from the request metadata. They never enter the prompt; offline providers use
/// them to look up abilities or recorded verdicts.
/// </summary>
internal sealed record EssayRefs(string? EssayAId, string? EssayBId, string? EssayAStorageId, string? EssayBStorageId);

/// <summary>
/// One provider call: the assembled prompt plus what offline draws are keyed on (<see cref="PromptSha256"/>,
/// <see cref="Occurrence"/>, <see cref="Leg"/>, <see cref="Attempt"/>, 1-based).
/// </summary>
internal sealed record ProviderCall(
    string QueueId,
    string Leg,
    int Attempt,
    int Occurrence,
    string Model,
    string PromptSha256,
    CanonicalRequest Request,
    AssembledPrompt Prompt,
    EssayRefs Essays)
{
    public string EssayA => Request.Blocks.Single(b => b.Kind == BlockKinds.EssayA).Content;

    public string EssayB => Request.Blocks.Single(b => b.Kind == BlockKinds.EssayB).Content;
}
