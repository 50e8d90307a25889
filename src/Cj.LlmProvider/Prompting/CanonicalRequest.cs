using System.Text.Json.Nodes;

namespace Cj.LlmProvider.Prompting;

/// <summary>One prompt block as hashed: <see cref="Ttl"/> is set only for cacheable blocks (default <c>5m</c>).</summary>
internal sealed record CanonicalBlock(string Kind, string Content, bool Cacheable, string? Ttl);

/// <summary>
/// Everything that decides what the provider is asked (design §6): format version, provider, model, system
/// prompt, blocks, effective parameters, the mapped provider parameters, the response schema and whether prompt
/// caching is on. Metadata, correlation id, priority and TTL are not part of it, so they never change the hash.
/// </summary>
internal sealed record CanonicalRequest(
    string PromptFormatVersion,
    string Provider,
    string Model,
    string SystemPrompt,
    IReadOnlyList<CanonicalBlock> Blocks,
    double? Temperature,
    int? MaxTokens,
    string? ReasoningEffort,
    string? OutputVerbosity,
    IReadOnlyDictionary<string, string> ProviderParameters,
    bool PromptCaching)
{
    /// <summary>The canonical JSON text (<see cref="CanonicalJson"/>), the input of <see cref="PromptHash"/>.</summary>
    public string ToCanonicalJson() => CanonicalJson.Serialize(ToJson());

    public JsonObject ToJson()
    {
        var blocks = new JsonArray();
        foreach (var block in Blocks)
        {
            blocks.Add(new JsonObject
            {
                ["kind"] = block.Kind,
                ["content"] = block.Content,
                ["cacheable"] = block.Cacheable,
                ["ttl"] = block.Ttl,
            });
        }

        var parameters = new JsonObject();
        foreach (var (key, value) in ProviderParameters)
        {
            parameters[key] = value;
        }

        return new JsonObject
        {
            ["prompt_format_version"] = PromptFormatVersion,
            ["provider"] = Provider,
            ["model"] = Model,
            ["system_prompt"] = SystemPrompt,
            ["blocks"] = blocks,
            ["temperature"] = Temperature,
            ["max_tokens"] = MaxTokens,
            ["reasoning_effort"] = ReasoningEffort,
            ["output_verbosity"] = OutputVerbosity,
            ["provider_parameters"] = parameters,
            ["response_schema"] = VerdictSchema.ToJson(),
            ["prompt_caching"] = PromptCaching,
        };
    }

    /// <summary>Reads back what <see cref="ToCanonicalJson"/> wrote (the stored form of a queued request).</summary>
    public static CanonicalRequest Parse(string json)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        var blocks = root["blocks"]!.AsArray()
            .Select(b => new CanonicalBlock(
                (string)b!["kind"]!, (string)b["content"]!, (bool)b["cacheable"]!, (string?)b["ttl"]))
            .ToList();
        var parameters = root["provider_parameters"]!.AsObject()
            .ToDictionary(p => p.Key, p => (string)p.Value!, StringComparer.Ordinal);
        return new CanonicalRequest(
            (string)root["prompt_format_version"]!,
            (string)root["provider"]!,
            (string)root["model"]!,
            (string)root["system_prompt"]!,
            blocks,
            (double?)root["temperature"],
            (int?)root["max_tokens"],
            (string?)root["reasoning_effort"],
            (string?)root["output_verbosity"],
            parameters,
            (bool)root["prompt_caching"]!);
    }

    /// <summary>The blocks in the shape the assembler takes.</summary>
    public IReadOnlyList<Cj.Contracts.PromptBlock> PromptBlocks() =>
        Blocks.Select(b => new Cj.Contracts.PromptBlock(b.Kind, b.Content, b.Cacheable, b.Ttl)).ToList();
}
