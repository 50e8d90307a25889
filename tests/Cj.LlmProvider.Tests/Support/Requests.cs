namespace Cj.LlmProvider.Tests.Support;

/// <summary>Comparison request bodies in wire shape (snake_case anonymous objects, so tests can also break them).</summary>
internal static class Requests
{
    public static readonly Guid BatchId = Guid.Parse("0194c0de-0000-7000-8000-000000000001");

    public static Dictionary<string, object?> Body(
        string correlationId,
        string essayA = "The first essay argues that cities should plant more trees.",
        string essayB = "The second essay argues that cities need more bicycle lanes.",
        string essayAId = "student-0001",
        string essayBId = "student-0002",
        object? overrides = null,
        int? ttlSeconds = null,
        int? priority = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["correlation_id"] = correlationId,
            ["callback_topic"] = Cj.Contracts.Topics.ComparisonResult,
            ["user_id"] = "tester",
            ["metadata"] = new Dictionary<string, object?>
            {
                ["essay_a_id"] = essayAId,
                ["essay_b_id"] = essayBId,
                ["essay_a_storage_id"] = "a" + new string('0', 62) + essayAId.Length % 10,
                ["essay_b_storage_id"] = "b" + new string('0', 62) + essayBId.Length % 10,
                ["bos_batch_id"] = BatchId.ToString(),
                ["cj_request_type"] = "cj_comparison",
            },
            ["prompt_blocks"] = new object[]
            {
                new { kind = "static", content = "Assignment: argue for one change to your city.", cacheable = true, ttl = "5m" },
                new { kind = "static", content = "Criteria: clarity, evidence, organisation.", cacheable = true, ttl = (string?)null },
                new { kind = "essay_a", content = essayA, cacheable = false, ttl = (string?)null },
                new { kind = "essay_b", content = essayB, cacheable = false, ttl = (string?)null },
                new { kind = "footer", content = "Which essay is better? Answer in JSON.", cacheable = false, ttl = (string?)null },
            },
            ["llm_config_overrides"] = overrides,
        };
        if (ttlSeconds is { } ttl)
        {
            body["ttl_seconds"] = ttl;
        }

        if (priority is { } p)
        {
            body["priority"] = p;
        }

        return body;
    }
}
