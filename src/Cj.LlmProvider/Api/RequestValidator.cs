using System.Buffers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cj.Contracts;
using Cj.Hosting.Json;
using Cj.LlmProvider.Prompting;

namespace Cj.LlmProvider.Api;

/// <summary>A request that passed validation, with the values its defaults filled in.</summary>
internal sealed record ValidRequest(LlmComparisonRequest Body, Guid BatchId, int Priority, TimeSpan Ttl, string MetadataJson);

/// <summary>
/// Validates a <c>POST /api/v1/comparison</c> body (contracts §8) in the order of the codes: <c>invalid_body</c>,
/// <c>callback_topic_not_allowed</c>, <c>reserved_metadata_key</c>, <c>prompt_block_order</c>,
/// <c>prompt_contains_essay_id</c>. Pure: provider resolution and idempotency come after.
/// </summary>
internal static partial class RequestValidator
{
    public const int DefaultPriority = 5;
    public const int MinEssayIdLength = 6;

    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "prompt_sha256", "resolved_provider", "resolved_model", "queue_processing_mode", "bundle_id", "bundle_size",
        "batch_job_id", "attempts", "cost_status", "temperature_applied", "reasoning_effort_applied",
        "output_verbosity_applied", "prompt_format_version", "justification_truncated", "both_orders_partial",
        "recorded_cost_usd",
    };

    private static readonly HashSet<string> ReasoningEfforts = new(StringComparer.Ordinal) { "none", "minimal", "low", "medium", "high" };
    private static readonly HashSet<string> Verbosities = new(StringComparer.Ordinal) { "low", "medium", "high" };

    public static (ValidRequest? Request, Refusal? Refusal) Validate(JsonElement root, LlmProviderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (root.ValueKind != JsonValueKind.Object)
        {
            return (null, Refusal.Invalid("$", "the body must be a JSON object"));
        }

        LlmComparisonRequest? body;
        try
        {
            body = root.Deserialize<LlmComparisonRequest>(WireJson.Options);
        }
        catch (JsonException e)
        {
            return (null, Refusal.Invalid(e.Path ?? "$", $"wrong value at {e.Path ?? "$"}"));
        }

        if (body is null)
        {
            return (null, Refusal.Invalid("$", "the body must be a JSON object"));
        }

        var refusal = CheckBody(root, body) ?? CheckOverrides(body.LlmConfigOverrides);
        if (refusal is not null)
        {
            return (null, refusal);
        }

        if (!Guid.TryParse(MetadataString(root, "bos_batch_id"), out var batchId))
        {
            return (null, Refusal.Invalid("metadata.bos_batch_id", "metadata.bos_batch_id must be the batch UUID"));
        }

        refusal = CheckPolicy(root, body, options);
        if (refusal is not null)
        {
            return (null, refusal);
        }

        var priority = root.TryGetProperty("priority", out _) ? body.Priority : DefaultPriority;
        var ttl = root.TryGetProperty("ttl_seconds", out _) ? TimeSpan.FromSeconds(body.TtlSeconds) : options.DefaultTtl;
        return (new ValidRequest(body, batchId, priority, ttl, root.GetProperty("metadata").GetRawText()), null);
    }

    private static Refusal? CheckBody(JsonElement root, LlmComparisonRequest body)
    {
        if (string.IsNullOrEmpty(body.CorrelationId) || body.CorrelationId.Length > 128 || !CorrelationIdPattern().IsMatch(body.CorrelationId))
        {
            return Refusal.Invalid("correlation_id", "correlation_id is required: at most 128 characters of [A-Za-z0-9_.:-]");
        }

        if (string.IsNullOrWhiteSpace(body.CallbackTopic))
        {
            return Refusal.Invalid("callback_topic", "callback_topic is required");
        }

        if (!root.TryGetProperty("metadata", out var metadata) || metadata.ValueKind != JsonValueKind.Object)
        {
            return Refusal.Invalid("metadata", "metadata must be an object");
        }

        if (root.TryGetProperty("priority", out _) && body.Priority is < 0 or > 10)
        {
            return Refusal.Invalid("priority", "priority must be in 0–10");
        }

        if (root.TryGetProperty("ttl_seconds", out _) && body.TtlSeconds is < 60 or > 604_800)
        {
            return Refusal.Invalid("ttl_seconds", "ttl_seconds must be in 60–604800");
        }

        if (body.BothOrders)
        {
            return Refusal.BadRequest("unsupported_parameter", "both_orders is not supported by this service yet");
        }

        return CheckBlocks(body.PromptBlocks);
    }

    private static Refusal? CheckBlocks(IReadOnlyList<PromptBlock>? blocks)
    {
        if (blocks is null || blocks.Count == 0)
        {
            return Refusal.Invalid("prompt_blocks", "prompt_blocks is required (user_prompt is not supported)");
        }

        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            var field = $"prompt_blocks[{i}]";
            if (block is null || BlockKinds.Rank(block.Kind ?? "") < 0)
            {
                return Refusal.Invalid(field, $"{field}.kind must be static, essay_a, essay_b or footer");
            }

            if (string.IsNullOrWhiteSpace(block.Content))
            {
                return Refusal.Invalid(field, $"{field}.content must not be empty");
            }

            if (block.Ttl is not (null or "5m" or "1h"))
            {
                return Refusal.Invalid(field, $"{field}.ttl must be 5m or 1h");
            }
        }

        return null;
    }

    private static Refusal? CheckOverrides(LlmRequestOverrides? o) => o switch
    {
        null => null,
        { TemperatureOverride: < 0.0 or > 2.0 } => Refusal.Invalid("llm_config_overrides.temperature_override", "temperature_override must be in 0.0–2.0"),
        { MaxTokensOverride: < 1 } => Refusal.Invalid("llm_config_overrides.max_tokens_override", "max_tokens_override must be at least 1"),
        { ReasoningEffort: { } r } when !ReasoningEfforts.Contains(r) => Refusal.Invalid("llm_config_overrides.reasoning_effort", "reasoning_effort must be none, minimal, low, medium or high"),
        { OutputVerbosity: { } v } when !Verbosities.Contains(v) => Refusal.Invalid("llm_config_overrides.output_verbosity", "output_verbosity must be low, medium or high"),
        _ => null,
    };

    private static Refusal? CheckPolicy(JsonElement root, LlmComparisonRequest body, LlmProviderOptions options)
    {
        if (!options.AllowedCallbackTopics.Contains(body.CallbackTopic, StringComparer.Ordinal))
        {
            return Refusal.BadRequest("callback_topic_not_allowed", $"callback_topic '{body.CallbackTopic}' is not allowed");
        }

        foreach (var property in root.GetProperty("metadata").EnumerateObject())
        {
            if (Reserved.Contains(property.Name) || property.Name.StartsWith("replay_", StringComparison.Ordinal))
            {
                return Refusal.BadRequest("reserved_metadata_key", $"metadata key '{property.Name}' is reserved to the provider service");
            }
        }

        if (PromptAssembler.CheckOrder(body.PromptBlocks) is { } order)
        {
            return Refusal.BadRequest("prompt_block_order", order);
        }

        foreach (var key in new[] { "essay_a_id", "essay_b_id" })
        {
            if (MetadataString(root, key) is { Length: >= MinEssayIdLength } id && AnyBlockContains(body.PromptBlocks, id))
            {
                return Refusal.BadRequest("prompt_contains_essay_id", $"a prompt block contains metadata.{key}");
            }
        }

        return null;
    }

    /// <summary>
    /// Whether a block contains <paramref name="id"/>, ignoring case. A vectorised search: with invariant globalization
    /// <c>string.Contains(…, OrdinalIgnoreCase)</c> compares character by character, and this check reads every prompt.
    /// </summary>
    private static bool AnyBlockContains(IReadOnlyList<PromptBlock> blocks, string id)
    {
        var search = SearchValues.Create([id], StringComparison.OrdinalIgnoreCase);
        return blocks.Any(b => b.Content.AsSpan().IndexOfAny(search) >= 0);
    }

    private static string? MetadataString(JsonElement root, string key) =>
        root.GetProperty("metadata").TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    [GeneratedRegex("^[A-Za-z0-9_.:-]+$")]
    private static partial Regex CorrelationIdPattern();
}
