using Cj.LlmProvider.Prompting;

namespace Cj.LlmProvider.Tests.Support;

/// <summary>Canonical requests shared by the prompting and queue tests.</summary>
internal static class CanonicalRequests
{
    /// <summary>A small complete request: a static block, both essays, a footer; its canonical form and hash are pinned.</summary>
    public static CanonicalRequest Golden { get; } = new(
        "single-1",
        "mock",
        "mock-judge-1",
        "You are a judge.",
        [
            new CanonicalBlock("static", "Assignment.", true, "5m"),
            new CanonicalBlock("essay_a", "Essay one.", false, null),
            new CanonicalBlock("essay_b", "Essay two.", false, null),
            new CanonicalBlock("footer", "Answer.", false, null),
        ],
        0.0,
        4096,
        null,
        null,
        new Dictionary<string, string>(),
        true);
}
