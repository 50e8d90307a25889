using System.Text.Json;
using Cj.Contracts;
using Cj.Hosting.Json;

namespace Cj.Hosting.Bus;

/// <summary>
/// Turns an <see cref="EventEnvelope{TData}"/> into a <see cref="BusMessage"/> and back (contracts §2): the topic
/// is the envelope's <c>event_type</c>, the key its <c>batch_id</c>, the value the envelope as UTF-8 JSON in
/// <see cref="WireJson"/> form, and the headers carry <c>event_type</c>, <c>event_id</c>, <c>correlation_id</c>,
/// <c>batch_id</c> (plus <c>traceparent</c> when the envelope metadata has one).
/// </summary>
public static class EnvelopeMessages
{
    /// <summary>Header with the envelope's <c>event_type</c> (the topic name); identical on Kafka and in-process.</summary>
    public const string EventTypeHeader = "event_type";

    /// <summary>Header with the envelope's <c>event_id</c>, the consumers' dedupe key.</summary>
    public const string EventIdHeader = "event_id";

    /// <summary>Header with the envelope's <c>correlation_id</c>.</summary>
    public const string CorrelationIdHeader = "correlation_id";

    /// <summary>Header with the envelope's <c>batch_id</c> (also the message key).</summary>
    public const string BatchIdHeader = "batch_id";

    /// <summary>Header with the W3C trace context, copied from the envelope metadata when present.</summary>
    public const string TraceparentHeader = "traceparent";

    private static readonly string[] RequiredFields =
        ["event_id", "event_type", "event_timestamp", "source_service", "schema_version", "correlation_id", "batch_id", "data"];

    /// <summary>The message that carries <paramref name="envelope"/> on the topic named by its <c>event_type</c>.</summary>
    public static BusMessage ToMessage<T>(EventEnvelope<T> envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var batchId = envelope.BatchId.ToString("D");
        var headers = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [EventTypeHeader] = envelope.EventType,
            [EventIdHeader] = envelope.EventId.ToString("D"),
            [CorrelationIdHeader] = envelope.CorrelationId,
            [BatchIdHeader] = batchId,
        };
        if (envelope.Metadata?.GetValueOrDefault(TraceparentHeader) is { } traceparent && traceparent.ToString() is { Length: > 0 } text)
        {
            headers[TraceparentHeader] = text;
        }

        var value = JsonSerializer.SerializeToUtf8Bytes(envelope, WireJson.Options);
        return new BusMessage(envelope.EventType, batchId, value, headers);
    }

    /// <summary>
    /// Reads the envelope in <paramref name="message"/>. Unknown properties are ignored; <c>data_schema_uri</c> and
    /// <c>metadata</c> may be absent.
    /// </summary>
    /// <exception cref="InvalidEventException">The value is not a JSON object, an envelope field is missing or null,
    /// a value has the wrong type, or a non-nullable top-level member of <typeparamref name="T"/> is missing.</exception>
    public static EventEnvelope<T> Read<T>(BusMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(message.Value);
        }
        catch (JsonException ex)
        {
            throw new InvalidEventException(message.Topic, "value is not JSON", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidEventException(message.Topic, "value is not a JSON object");
            }

            foreach (var field in RequiredFields)
            {
                if (!root.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
                {
                    throw new InvalidEventException(message.Topic, $"missing {field}");
                }
            }

            EventEnvelope<T>? envelope;
            try
            {
                envelope = root.Deserialize<EventEnvelope<T>>(WireJson.Options);
            }
            catch (JsonException ex)
            {
                throw new InvalidEventException(message.Topic, $"wrong value at {ex.Path ?? "$"}", ex);
            }

            if (envelope is null || envelope.Data is null)
            {
                throw new InvalidEventException(message.Topic, "missing data");
            }

            if (RequiredMembers<T>.FirstMissing(envelope.Data) is { } missing)
            {
                throw new InvalidEventException(message.Topic, $"missing data.{missing}");
            }

            return envelope;
        }
    }
}
