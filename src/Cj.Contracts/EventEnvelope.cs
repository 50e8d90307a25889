namespace Cj.Contracts;

/// <summary>
/// The envelope around every event (contracts §2). <see cref="EventType"/> is always the topic name;
/// <see cref="BatchId"/> is the batch UUID; nullable members are always written.
/// </summary>
public sealed record EventEnvelope<TData>(
    Guid EventId,
    string EventType,
    string EventTimestamp,
    string SourceService,
    int SchemaVersion,
    string CorrelationId,
    Guid BatchId,
    string? DataSchemaUri,
    TData Data,
    IReadOnlyDictionary<string, object?>? Metadata);

/// <summary>Producer names for <c>source_service</c>.</summary>
public static class SourceServices
{
    public const string Runner = "eng5_np_runner";
    public const string CjAssessment = "cj_assessment_service";
    public const string LlmProvider = "llm_provider_service";
}
