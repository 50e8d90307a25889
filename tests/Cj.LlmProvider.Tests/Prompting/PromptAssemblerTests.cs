using Cj.Contracts;
using Cj.LlmProvider.Prompting;

namespace Cj.LlmProvider.Tests.Prompting;

public sealed class PromptAssemblerTests
{
    private static readonly PromptBlock[] Blocks =
    [
        new("static", "Assignment text.", Cacheable: true),
        new("static", "Criteria text."),
        new("essay_a", "First essay."),
        new("essay_b", "Second essay."),
        new("footer", "Answer in JSON."),
    ];

    [Fact]
    public void User_message_is_static_blocks_then_headed_essays_then_footer()
    {
        var prompt = PromptAssembler.Assemble(null, Blocks);

        Assert.Equal(
            "Assignment text.\n\nCriteria text.\n\n**Essay A:**\nFirst essay.\n\n**Essay B:**\nSecond essay.\n\nAnswer in JSON.",
            prompt.UserMessage);
        Assert.Equal("Assignment text.\n\nCriteria text.", prompt.StaticPrefix);
        Assert.StartsWith(prompt.StaticPrefix, prompt.UserMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Prompts_assembled_in_turn_each_get_their_own_static_text_and_no_static_text_gives_no_blank_line()
    {
        var first = PromptAssembler.Assemble(null, Blocks);
        var again = PromptAssembler.Assemble(null, Blocks);
        var other = PromptAssembler.Assemble(null, [new("static", "Other task."), .. Blocks[2..]]);
        var bare = PromptAssembler.Assemble(null, Blocks[2..4]);

        Assert.Equal(first.UserMessage, again.UserMessage);
        Assert.Equal("Other task.", other.StaticPrefix);
        Assert.Equal("Other task.\n\n**Essay A:**\nFirst essay.\n\n**Essay B:**\nSecond essay.\n\nAnswer in JSON.", other.UserMessage);
        Assert.Equal("", bare.StaticPrefix);
        Assert.Equal("**Essay A:**\nFirst essay.\n\n**Essay B:**\nSecond essay.", bare.UserMessage);
    }

    [Fact]
    public void The_default_system_prompt_is_the_embedded_text_and_an_override_replaces_it()
    {
        var byDefault = PromptAssembler.Assemble(null, Blocks);
        var overridden = PromptAssembler.Assemble("Judge strictly.", Blocks);

        Assert.Contains("impartial comparative judge", byDefault.SystemPrompt, StringComparison.Ordinal);
        Assert.Contains("confidence", byDefault.SystemPrompt, StringComparison.Ordinal);
        Assert.Equal("Judge strictly.", overridden.SystemPrompt);
    }

    [Fact]
    public void The_assembler_adds_no_words_but_the_two_headings()
    {
        var prompt = PromptAssembler.Assemble("S", Blocks);
        var added = prompt.UserMessage;
        foreach (var block in Blocks)
        {
            added = added.Replace(block.Content, "", StringComparison.Ordinal);
        }

        Assert.Equal("**EssayA:****EssayB:**", string.Concat(added.Where(c => !char.IsWhiteSpace(c))));
    }

    [Theory]
    [InlineData("static,essay_a,essay_b,footer", true)]
    [InlineData("essay_a,essay_b", true)]
    [InlineData("static,static,essay_a,essay_b,footer,footer", true)]
    [InlineData("essay_b,essay_a", false)]
    [InlineData("static,essay_a,static,essay_b", false)]
    [InlineData("essay_a,essay_b,footer,static", false)]
    [InlineData("essay_a,essay_a,essay_b", false)]
    [InlineData("static,essay_a,footer", false)]
    [InlineData("static,footer", false)]
    public void Block_order_is_static_then_one_essay_a_then_one_essay_b_then_footer(string kinds, bool valid)
    {
        var blocks = kinds.Split(',').Select(k => new PromptBlock(k, "x")).ToList();

        Assert.Equal(valid, PromptAssembler.CheckOrder(blocks) is null);
    }
}
