using System.Text.Json;
using Cj.Assessment.Store;
using Cj.Contracts;
using Cj.Hosting.Json;

namespace Cj.Assessment.Handlers;

/// <summary>Who a batch event is about: the batch UUID, the runner's correlation id and the request's header fields.</summary>
internal sealed record BatchIdentity(Guid BatchId, string CorrelationId, ElsCjAssessmentRequestV1? Request, string? StartedAt, string? JobId)
{
    public static BatchIdentity Of(BatchRow row)
    {
        var envelope = StoredRequest.Parse(row.RequestJson);
        return new BatchIdentity(envelope.BatchId, row.CorrelationId, envelope.Data, DbTime.Wire(DbTime.Parse(row.CreatedAt)), row.BatchId);
    }
}

/// <summary>The request envelope as kept in <c>batches.request_json</c> (wire JSON, unknown metadata keys included).</summary>
internal static class StoredRequest
{
    public static string Serialize(EventEnvelope<ElsCjAssessmentRequestV1> envelope) => JsonSerializer.Serialize(envelope, WireJson.Options);

    public static EventEnvelope<ElsCjAssessmentRequestV1> Parse(string json) =>
        JsonSerializer.Deserialize<EventEnvelope<ElsCjAssessmentRequestV1>>(json, WireJson.Options)
        ?? throw new InvalidOperationException("stored request is null");
}
