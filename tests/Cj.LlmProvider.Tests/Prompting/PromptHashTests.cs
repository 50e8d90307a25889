using Cj.LlmProvider.Prompting;
using Cj.LlmProvider.Tests.Support;

namespace Cj.LlmProvider.Tests.Prompting;

public sealed class PromptHashTests
{
    private static readonly CanonicalRequest Golden = CanonicalRequests.Golden;

    [Fact]
    public void The_golden_request_hashes_to_its_pinned_value()
    {
        Assert.Equal(
            """{"blocks":[{"cacheable":true,"content":"Assignment.","kind":"static","ttl":"5m"},{"cacheable":false,"content":"Essay one.","kind":"essay_a","ttl":null},{"cacheable":false,"content":"Essay two.","kind":"essay_b","ttl":null},{"cacheable":false,"content":"Answer.","kind":"footer","ttl":null}],"max_tokens":4096,"model":"mock-judge-1","output_verbosity":null,"prompt_caching":true,"prompt_format_version":"single-1","provider":"mock","provider_parameters":{},"reasoning_effort":null,"response_schema":{"id":"verdict-1","schema":{"additionalProperties":false,"properties":{"confidence":{"type":"number"},"justification":{"type":"string"},"winner":{"enum":["Essay A","Essay B"],"type":"string"}},"required":["winner","justification","confidence"],"type":"object"}},"system_prompt":"You are a judge.","temperature":0}""",
            Golden.ToCanonicalJson());
        Assert.Equal(PinnedHash, PromptHash.Sha256(Golden));
    }

    [Fact]
    public void The_direct_canonical_writer_gives_the_bytes_of_the_canonical_tree()
    {
        var parameters = new Dictionary<string, string> { ["zeta"] = "1", ["Alpha"] = "tab\there", ["alpha"] = "quote \" and \\ and \u0001" };
        CanonicalRequest[] variants =
        [
            Golden,
            Golden with { Temperature = null, MaxTokens = null, PromptCaching = false },
            Golden with { Temperature = 0.7, MaxTokens = 321, ReasoningEffort = "high", OutputVerbosity = "low", ProviderParameters = parameters },
            Golden with { SystemPrompt = "Line one\nLine two \"quoted\" — åäö 😀", Blocks = [new CanonicalBlock("essay_a", "A\r\nB\u001f", true, "1h")] },
            Golden with { Temperature = 1e-7, Blocks = [] },
            Golden with { ProviderParameters = new Dictionary<string, string> { ["nil"] = null! } },
        ];

        foreach (var request in variants)
        {
            Assert.Equal(CanonicalJson.Serialize(request.ToJson()), request.ToCanonicalJson());
        }
    }

    [Fact]
    public void Temperature_zero_and_no_temperature_hash_differently()
    {
        Assert.NotEqual(PromptHash.Sha256(Golden), PromptHash.Sha256(Golden with { Temperature = null }));
        Assert.NotEqual(PromptHash.Sha256(Golden), PromptHash.Sha256(Golden with { Temperature = 0.1 }));
    }

    [Fact]
    public void Model_system_prompt_reasoning_and_blocks_change_the_hash()
    {
        var hash = PromptHash.Sha256(Golden);

        Assert.NotEqual(hash, PromptHash.Sha256(Golden with { Model = "mock-judge-2" }));
        Assert.NotEqual(hash, PromptHash.Sha256(Golden with { SystemPrompt = "You are a strict judge." }));
        Assert.NotEqual(hash, PromptHash.Sha256(Golden with { ReasoningEffort = "low" }));
        Assert.NotEqual(hash, PromptHash.Sha256(Golden with { PromptCaching = false }));
        Assert.NotEqual(hash, PromptHash.Sha256(Golden with { Blocks = [.. Golden.Blocks.Reverse()] }));
    }

    [Fact]
    public void The_canonical_form_round_trips_through_the_store()
    {
        var parsed = CanonicalRequest.Parse(Golden.ToCanonicalJson());

        Assert.Equal(Golden.ToCanonicalJson(), parsed.ToCanonicalJson());
        Assert.Equal(0.0, parsed.Temperature);
        Assert.Null(CanonicalRequest.Parse((Golden with { Temperature = null }).ToCanonicalJson()).Temperature);
        var full = Golden with { Temperature = 0.7, MaxTokens = 321, ReasoningEffort = "high", OutputVerbosity = "low" };
        Assert.Equal(full.ToCanonicalJson(), CanonicalRequest.Parse(full.ToCanonicalJson()).ToCanonicalJson());
        var bare = Golden with { Temperature = null, MaxTokens = null, ReasoningEffort = null, OutputVerbosity = null };
        Assert.Equal(bare.ToCanonicalJson(), CanonicalRequest.Parse(bare.ToCanonicalJson()).ToCanonicalJson());
    }

    [Fact]
    public void Parsing_requests_in_turn_keeps_each_ones_texts()
    {
        var first = CanonicalRequest.Parse(Golden.ToCanonicalJson());
        var second = CanonicalRequest.Parse((Golden with { Blocks = [Golden.Blocks[0], Golden.Blocks[2], Golden.Blocks[1], Golden.Blocks[3]] }).ToCanonicalJson());
        var other = CanonicalRequest.Parse((Golden with { SystemPrompt = "Judge fairly.", Blocks = [Golden.Blocks[0] with { Content = "Other." }, .. Golden.Blocks.Skip(1)] }).ToCanonicalJson());

        // Texts repeated from the request before may be shared; each request still reads its own values.
        Assert.Equal(Golden.ToCanonicalJson(), first.ToCanonicalJson());
        Assert.Equal(["Assignment.", "Essay two.", "Essay one.", "Answer."], second.Blocks.Select(b => b.Content));
        Assert.Equal("Judge fairly.", other.SystemPrompt);
        Assert.Equal("Other.", other.Blocks[0].Content);
        Assert.Equal((Golden with { SystemPrompt = "Judge fairly.", Blocks = [Golden.Blocks[0] with { Content = "Other." }, .. Golden.Blocks.Skip(1)] }).ToCanonicalJson(), other.ToCanonicalJson());
    }

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(1.0, "1")]
    [InlineData(0.1, "0.1")]
    [InlineData(1.5e-7, "1.5e-7")]
    [InlineData(1e21, "1e+21")]
    [InlineData(123456789012.0, "123456789012")]
    public void Numbers_are_written_in_ecmascript_shortest_form(double value, string expected) =>
        Assert.Equal(expected, CanonicalJson.FormatNumber(value));

    [Fact]
    public void Strings_escape_only_quotes_backslashes_and_control_characters()
    {
        var json = CanonicalJson.Serialize(System.Text.Json.Nodes.JsonValue.Create("å \"q\" \\ \n \u0001 <>&'"));

        Assert.Equal("\"å \\\"q\\\" \\\\ \\n \\u0001 <>&'\"", json);
    }

    private const string PinnedHash = "bef232e24c0046d67be346e3e8e604bceaeb7be597884d63a3ddf45b2d3f1635";
}
