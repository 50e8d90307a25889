using System.Text.Json.Nodes;

namespace Cj.LlmProvider.Prompting;

/// <summary>
/// Answer schema <c>verdict-1</c> (design §5). The 1–5 range and the 50-word limit are checked by
/// <see cref="VerdictValidator"/>, not sent, so the schema fits every provider's strict subset.
/// </summary>
internal static class VerdictSchema
{
    public const string Id = "verdict-1";

    public static JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["schema"] = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["winner"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("Essay A", "Essay B") },
                ["justification"] = new JsonObject { ["type"] = "string" },
                ["confidence"] = new JsonObject { ["type"] = "number" },
            },
            ["required"] = new JsonArray("winner", "justification", "confidence"),
            ["additionalProperties"] = false,
        },
    };
}
