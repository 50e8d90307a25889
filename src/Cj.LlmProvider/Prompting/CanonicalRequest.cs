using System.Text;
using System.Text.Json;
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
    /// <summary>The response schema's canonical text, the same in every request.</summary>
    private static readonly string SchemaJson = CanonicalJson.Serialize(VerdictSchema.ToJson());

    /// <summary>Slots of <see cref="SharedTexts"/>: one per leading block position, the last for the system prompt.</summary>
    private const int SharedSlots = 9;

    /// <summary>The texts read last by block position (the last slot: the system prompt); see <see cref="Shared"/>.</summary>
    private static readonly string?[] SharedTexts = new string?[SharedSlots];

    /// <summary>The largest builder kept for the next request (characters).</summary>
    private const int MaxSpareCapacity = 256 * 1024;

    /// <summary>
    /// One builder kept between calls: every admission writes a canonical request of both essays, and a fresh builder
    /// of that size was as large an allocation as the text itself.
    /// </summary>
    private static StringBuilder? spare;

    /// <summary>
    /// The canonical JSON text (<see cref="CanonicalJson"/>) of <see cref="ToJson"/>, the input of <see cref="PromptHash"/>,
    /// written directly with the keys already in ordinal order (admission writes one per request).
    /// </summary>
    public string ToCanonicalJson()
    {
        var json = Interlocked.Exchange(ref spare, null) ?? new StringBuilder();
        json.Clear().EnsureCapacity(SystemPrompt.Length + Blocks.Sum(b => b.Content.Length + 64) + SchemaJson.Length + 512);
        json.Append("{\"blocks\":[");
        for (var i = 0; i < Blocks.Count; i++)
        {
            var block = Blocks[i];
            json.Append(i == 0 ? "{" : ",{").Append("\"cacheable\":").Append(block.Cacheable ? "true" : "false").Append(",\"content\":");
            CanonicalJson.WriteString(json, block.Content);
            Field(json, "kind", block.Kind);
            Field(json, "ttl", block.Ttl);
            json.Append('}');
        }

        json.Append("],\"max_tokens\":").Append(MaxTokens is { } tokens ? CanonicalJson.FormatNumber(tokens) : "null");
        Field(json, "model", Model);
        Field(json, "output_verbosity", OutputVerbosity);
        json.Append(",\"prompt_caching\":").Append(PromptCaching ? "true" : "false");
        Field(json, "prompt_format_version", PromptFormatVersion);
        Field(json, "provider", Provider);
        json.Append(",\"provider_parameters\":{");
        var first = true;
        foreach (var (key, value) in ProviderParameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            json.Append(first ? "" : ",");
            first = false;
            CanonicalJson.WriteString(json, key);
            json.Append(':');
            Value(json, value);
        }

        json.Append('}');
        Field(json, "reasoning_effort", ReasoningEffort);
        json.Append(",\"response_schema\":").Append(SchemaJson);
        Field(json, "system_prompt", SystemPrompt);
        json.Append(",\"temperature\":").Append(Temperature is { } t ? CanonicalJson.FormatNumber(t) : "null");
        var text = json.Append('}').ToString();
        if (json.Capacity <= MaxSpareCapacity)
        {
            spare = json;
        }

        return text;

        static void Field(StringBuilder json, string name, string? value) => Value(json.Append(",\"").Append(name).Append("\":"), value);

        static void Value(StringBuilder json, string? value)
        {
            if (value is null)
            {
                json.Append("null");
            }
            else
            {
                CanonicalJson.WriteString(json, value);
            }
        }
    }

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
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var blocks = new List<CanonicalBlock>();
        foreach (var b in root.GetProperty("blocks").EnumerateArray())
        {
            var kind = b.GetProperty("kind").GetString()!;
            var content = b.GetProperty("content");
            blocks.Add(new CanonicalBlock(
                kind,
                kind is BlockKinds.EssayA or BlockKinds.EssayB || blocks.Count >= SharedSlots - 1 ? content.GetString()! : Shared(content, blocks.Count),
                b.GetProperty("cacheable").GetBoolean(),
                Text(b, "ttl")));
        }

        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in root.GetProperty("provider_parameters").EnumerateObject())
        {
            parameters[p.Name] = p.Value.GetString()!;
        }

        return new CanonicalRequest(
            root.GetProperty("prompt_format_version").GetString()!,
            root.GetProperty("provider").GetString()!,
            root.GetProperty("model").GetString()!,
            Shared(root.GetProperty("system_prompt"), SharedSlots - 1),
            blocks,
            Present(root, "temperature") is { } t ? t.GetDouble() : null,
            Present(root, "max_tokens") is { } m ? m.GetInt32() : null,
            Text(root, "reasoning_effort"),
            Text(root, "output_verbosity"),
            parameters,
            root.GetProperty("prompt_caching").GetBoolean());

        static JsonElement? Present(JsonElement e, string name) =>
            e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v : null;

        static string? Text(JsonElement e, string name) => Present(e, name)?.GetString();
    }

    /// <summary>
    /// The string of <paramref name="value"/>, the one read last into <paramref name="slot"/> when it is equal. The
    /// system prompt and the static and footer blocks are the same in every request of a batch: they are compared in
    /// place rather than copied again for every call (and the assembler can tell them by reference).
    /// </summary>
    private static string Shared(JsonElement value, int slot)
    {
        var last = SharedTexts[slot];
        if (last is not null && value.ValueEquals(last))
        {
            return last;
        }

        var text = value.GetString()!;
        SharedTexts[slot] = text;
        return text;
    }

    /// <summary>The blocks in the shape the assembler takes.</summary>
    public IReadOnlyList<Cj.Contracts.PromptBlock> PromptBlocks() =>
        Blocks.Select(b => new Cj.Contracts.PromptBlock(b.Kind, b.Content, b.Cacheable, b.Ttl)).ToList();
}
