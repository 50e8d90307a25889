using Cj.LlmProvider.Prompting;
using Cj.LlmProvider.Providers;

namespace Cj.LlmProvider.Tests.Support;

/// <summary>Provider calls for unit tests of the offline providers.</summary>
internal static class Calls
{
    public static ProviderCall Make(
        string essayA = "Essay text one.",
        string essayB = "Essay text two.",
        EssayRefs? essays = null,
        int attempt = 1,
        int occurrence = 0,
        string? hash = null)
    {
        var request = new CanonicalRequest(
            "single-1", "mock", "mock-judge-1", "System.",
            [new CanonicalBlock("essay_a", essayA, false, null), new CanonicalBlock("essay_b", essayB, false, null)],
            0.1, 4096, null, null, new Dictionary<string, string>(), true);
        var prompt = PromptAssembler.Assemble(request.SystemPrompt, request.PromptBlocks());
        return new ProviderCall(
            "q-1", "ab", attempt, occurrence, "mock-judge-1", hash ?? PromptHash.Sha256(request), request, prompt,
            essays ?? new EssayRefs("e-a", "e-b", null, null));
    }

    /// <summary>A call per seed value so draws differ (different prompt hashes).</summary>
    public static IEnumerable<ProviderCall> Many(int count, EssayRefs? essays = null) =>
        Enumerable.Range(0, count).Select(i => Make(essayA: $"Essay {i} one.", essayB: $"Essay {i} two.", essays: essays));
}
