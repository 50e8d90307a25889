using System.Text.Json;
using System.Text.Json.Serialization;
using Cj.Core;
using Cj.Core.Grading;
using Cj.Core.Workflow;

namespace Cj.Assessment.Store;

/// <summary>
/// The stored form of a <see cref="BatchEvent"/>: a kind (the discriminator) and the event as JSON. Doubles and
/// timestamps round-trip exactly, so replaying the log rebuilds the same state.
/// </summary>
internal static class BatchEventJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.Strict,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower), new EssayIdConverter(), new GradeScaleConverter() },
    };

    public static (string Kind, string Payload) Serialize(BatchEvent @event) => @event switch
    {
        BatchCreated e => ("batch_created", JsonSerializer.Serialize(e, Options)),
        ComparisonSucceeded e => ("comparison_succeeded", JsonSerializer.Serialize(e, Options)),
        ComparisonFailed e => ("comparison_failed", JsonSerializer.Serialize(e, Options)),
        ComparisonTimedOut e => ("comparison_timed_out", JsonSerializer.Serialize(e, Options)),
        BatchDeadlineReached e => ("batch_deadline_reached", JsonSerializer.Serialize(e, Options)),
        BatchCancelled e => ("batch_cancelled", JsonSerializer.Serialize(e, Options)),
        _ => throw new ArgumentException($"Unknown batch event {@event.GetType().Name}.", nameof(@event)),
    };

    public static BatchEvent Deserialize(string kind, string payload) => kind switch
    {
        "batch_created" => Created(payload),
        "comparison_succeeded" => Read<ComparisonSucceeded>(payload),
        "comparison_failed" => Read<ComparisonFailed>(payload),
        "comparison_timed_out" => Read<ComparisonTimedOut>(payload),
        "batch_deadline_reached" => Read<BatchDeadlineReached>(payload),
        "batch_cancelled" => Read<BatchCancelled>(payload),
        _ => throw new InvalidOperationException($"Unknown stored batch event kind '{kind}'."),
    };

    /// <summary>
    /// A stored <see cref="BatchCreated"/>. Settings added after a batch was stored keep the behaviour the batch started
    /// with: a log without <c>target_reliability</c> predates that stop (ADR 0006) and replays with it off, not with
    /// today's default, so a replay can never stop where the original run carried on.
    /// </summary>
    private static BatchCreated Created(string payload)
    {
        var created = Read<BatchCreated>(payload);
        using var document = JsonDocument.Parse(payload);
        return document.RootElement.TryGetProperty("settings", out var settings) && !settings.TryGetProperty("target_reliability", out _)
            ? created with { Settings = created.Settings with { TargetReliability = 0 } }
            : created;
    }

    private static T Read<T>(string payload) =>
        JsonSerializer.Deserialize<T>(payload, Options) ?? throw new InvalidOperationException($"Stored {typeof(T).Name} is null.");

    private sealed class EssayIdConverter : JsonConverter<EssayId>
    {
        public override EssayId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            new(reader.GetString() ?? throw new JsonException("essay id is null"));

        public override void Write(Utf8JsonWriter writer, EssayId value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.Value);
    }

    private sealed class GradeScaleConverter : JsonConverter<GradeScale>
    {
        public override GradeScale Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var stored = JsonSerializer.Deserialize<StoredScale>(ref reader, options) ?? throw new JsonException("grade scale is null");
            var custom = GradeScale.Custom(stored.Name, stored.Grades, stored.SignRule);
            return GradeScale.KnownNames.Contains(stored.Name) && GradeScale.Named(stored.Name) is var known && known.Equals(custom) ? known : custom;
        }

        public override void Write(Utf8JsonWriter writer, GradeScale value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, new StoredScale(value.Name, [.. value.Grades], value.SignRule), options);
    }

    private sealed record StoredScale(string Name, string[] Grades, bool SignRule);
}
