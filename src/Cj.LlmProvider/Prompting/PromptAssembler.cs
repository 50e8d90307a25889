using Cj.Contracts;

namespace Cj.LlmProvider.Prompting;

/// <summary>The prompt as sent: the system prompt and the user message, whose cacheable prefix is the static text.</summary>
internal sealed record AssembledPrompt(string SystemPrompt, string StaticPrefix, string UserMessage)
{
    /// <summary>Characters of the whole prompt, the base of the offline token estimate (characters ÷ 4).</summary>
    public int Length => SystemPrompt.Length + UserMessage.Length;
}

/// <summary>
/// Assembles the single-comparison prompt (<c>single-1</c>, design §5): static blocks joined by blank lines, then
/// <c>**Essay A:**</c> and <c>**Essay B:**</c> with the bare essay texts, then the footer blocks. It adds no id,
/// file name or student name: the only words it contributes are the two headings.
/// </summary>
internal static class PromptAssembler
{
    public const string FormatVersion = "single-1";
    public const string EssayAHeading = "**Essay A:**";
    public const string EssayBHeading = "**Essay B:**";
    private const string BlankLine = "\n\n";

    /// <summary>The static text the last call joined, with the block texts it joined.</summary>
    private static JoinedText? lastStatic;

    /// <summary>The default system prompt, embedded from <c>prompts/system-default.txt</c>.</summary>
    public static string DefaultSystemPrompt { get; } = EmbeddedText.Read("prompts.system-default.txt");

    public static AssembledPrompt Assemble(string? systemPromptOverride, IReadOnlyList<PromptBlock> blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var staticText = StaticText(blocks);
        var footer = Join(blocks, BlockKinds.Footer);

        // The non-empty parts (static text, the two essays, footer) joined by blank lines, in one allocation.
        var user = string.Concat(
        [
            staticText,
            staticText.Length > 0 ? BlankLine : "",
            EssayAHeading,
            "\n",
            Single(blocks, BlockKinds.EssayA),
            BlankLine,
            EssayBHeading,
            "\n",
            Single(blocks, BlockKinds.EssayB),
            footer.Length > 0 ? BlankLine : "",
            footer,
        ]);
        var system = string.IsNullOrWhiteSpace(systemPromptOverride) ? DefaultSystemPrompt : systemPromptOverride;
        return new AssembledPrompt(system, staticText, user);
    }

    /// <summary>
    /// Checks the block order: all <c>static</c>, then exactly one <c>essay_a</c>, exactly one <c>essay_b</c>, then
    /// <c>footer</c>. Returns a message describing the first violation, or null when the order is valid.
    /// </summary>
    public static string? CheckOrder(IReadOnlyList<PromptBlock> blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var previous = 0;
        for (var i = 0; i < blocks.Count; i++)
        {
            var rank = BlockKinds.Rank(blocks[i].Kind);
            if (rank < previous || (rank == previous && rank is 1 or 2))
            {
                return $"prompt_blocks[{i}] ({blocks[i].Kind}) is out of order: static blocks, then essay_a, essay_b, then footer";
            }

            previous = rank;
        }

        var a = blocks.Count(b => b.Kind == BlockKinds.EssayA);
        var b = blocks.Count(b => b.Kind == BlockKinds.EssayB);
        return a == 1 && b == 1 ? null : "prompt_blocks needs exactly one essay_a and exactly one essay_b block";
    }

    /// <summary>
    /// The static blocks joined, the joined text of the previous call when its blocks are the same strings (the parsed
    /// requests of a batch share them): the static text is most of a prompt, and it is the same for every comparison.
    /// </summary>
    private static string StaticText(IReadOnlyList<PromptBlock> blocks)
    {
        var parts = blocks.Where(b => b.Kind == BlockKinds.Static).Select(b => b.Content).ToArray();
        if (lastStatic is { } last && last.Parts.Length == parts.Length && last.Parts.Zip(parts).All(p => ReferenceEquals(p.First, p.Second)))
        {
            return last.Text;
        }

        var text = string.Join(BlankLine, parts);
        lastStatic = new JoinedText(parts, text);
        return text;
    }

    private static string Join(IReadOnlyList<PromptBlock> blocks, string kind) =>
        string.Join(BlankLine, blocks.Where(b => b.Kind == kind).Select(b => b.Content));

    private static string Single(IReadOnlyList<PromptBlock> blocks, string kind) =>
        blocks.Single(b => b.Kind == kind).Content;
}

/// <summary>A joined text and the parts it was joined from.</summary>
internal sealed record JoinedText(string[] Parts, string Text);
