namespace Cj.Contracts;

/// <summary>
/// What a completed batch consumed, published with its completion on <see cref="Topics.ResourceConsumption"/> for
/// accounting consumers: <c>quantity</c> is the number of comparison requests the LLM Provider Service accepted for the
/// batch (retries included), <c>cost_usd</c> their total cost.
/// </summary>
public sealed record ResourceConsumptionV1(
    string EntityId,
    string EntityType,
    string? UserId,
    string? OrgId,
    string ResourceType,
    int Quantity,
    decimal CostUsd,
    string ServiceName,
    string ConsumedAt);
